import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { CLOCK, type Clock } from '#domain';
import { toCalendarDate } from '../domain/reporting-calendar.js';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { CaseFinder } from './case-finder.js';
import { CaseSettings } from './case-settings.js';
import { GetCaseQuery, type CaseDetail } from './get-case.query.js';

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseFinder) private readonly finder: CaseFinder,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(CaseSettings) private readonly settings: CaseSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ id, actor }: GetCaseQuery): Promise<CaseDetail> {
    const manager = this.transactions.manager();
    const found = await this.finder.readable(manager, id, actor);
    return {
      found,
      timeline: await this.cases.timeline(manager, id),
      indicators: found.indicators(toCalendarDate(this.clock.now()), this.settings.delayThresholdDays),
    };
  }
}
