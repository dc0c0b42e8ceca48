import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import type { Incident } from '../domain/incident.js';
import { GetIncidentQuery } from './get-incident.query.js';
import { IncidentFinder } from './incident-finder.js';

@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentFinder) private readonly finder: IncidentFinder,
  ) {}

  execute({ id, actor }: GetIncidentQuery): Promise<Incident> {
    return this.finder.visible(this.transactions.manager(), id, actor);
  }
}
