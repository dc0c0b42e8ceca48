import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { IncidentRepository, type IncidentHistoryEntry } from '../infrastructure/incident.repository.js';
import { GetIncidentHistoryQuery } from './get-incident-history.query.js';
import { IncidentFinder } from './incident-finder.js';

@QueryHandler(GetIncidentHistoryQuery)
export class GetIncidentHistoryHandler implements IQueryHandler<GetIncidentHistoryQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentFinder) private readonly finder: IncidentFinder,
    @Inject(IncidentRepository) private readonly incidents: IncidentRepository,
  ) {}

  async execute({ id, actor }: GetIncidentHistoryQuery): Promise<IncidentHistoryEntry[]> {
    const manager = this.transactions.manager();
    await this.finder.visible(manager, id, actor);
    return this.incidents.history(manager, id);
  }
}
