import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Transactions } from '#database';
import { CLOCK, type Clock } from '#domain';
import { Outbox } from '#messaging';
import { toCalendarDate } from '../domain/reporting-calendar.js';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { MarkReportsOverdueCommand } from './mark-reports-overdue.command.js';

/**
 * Claims the cases with missed due dates, then their dates, both with FOR UPDATE SKIP
 * LOCKED: a case another scheduler or an officer holds is left for the next pass, and no
 * date is announced twice, by two instances or by two passes.
 */
@CommandHandler(MarkReportsOverdueCommand)
export class MarkReportsOverdueHandler implements ICommandHandler<MarkReportsOverdueCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ batchSize }: MarkReportsOverdueCommand): Promise<number> {
    return this.transactions.run(async (manager) => {
      const now = this.clock.now();
      const today = toCalendarDate(now);
      const caseIds = await this.cases.claimCasesWithMissedDueDates(manager, today, batchSize);
      const claimed = await this.cases.claimMissedDueDates(manager, caseIds, today);
      let announced = 0;
      for (const caseId of caseIds) {
        const found = (await this.cases.findById(manager, caseId))!;
        const readVersion = found.version;
        const ids = claimed.filter((due) => due.caseId === caseId).map((due) => due.id);
        const marked = found.markOverdue(ids, today, { by: 'system', now, newId: uuidv7 });
        if (marked === 0) continue;
        await this.cases.update(manager, found, readVersion);
        await this.outbox.append(manager, found.pullEvents(), now);
        announced += marked;
      }
      return announced;
    });
  }
}
