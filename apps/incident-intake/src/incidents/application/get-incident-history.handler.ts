import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { NotFoundError } from '#domain';
import { IncidentRepository, type IncidentHistoryEntry } from '../infrastructure/incident.repository.js';
import { GetIncidentHistoryQuery } from './get-incident-history.query.js';

@QueryHandler(GetIncidentHistoryQuery)
export class GetIncidentHistoryHandler implements IQueryHandler<GetIncidentHistoryQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentRepository) private readonly incidents: IncidentRepository,
  ) {}

  async execute({ id }: GetIncidentHistoryQuery): Promise<IncidentHistoryEntry[]> {
    const history = await this.incidents.history(this.transactions.manager(), id);
    if (history.length === 0) throw new NotFoundError(`No incident with id ${id}`);
    return history;
  }
}
