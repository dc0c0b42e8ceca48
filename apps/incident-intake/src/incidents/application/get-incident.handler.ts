import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { NotFoundError } from '#domain';
import type { Incident } from '../domain/incident.js';
import { IncidentRepository } from '../infrastructure/incident.repository.js';
import { GetIncidentQuery } from './get-incident.query.js';

@QueryHandler(GetIncidentQuery)
export class GetIncidentHandler implements IQueryHandler<GetIncidentQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentRepository) private readonly incidents: IncidentRepository,
  ) {}

  async execute({ id }: GetIncidentQuery): Promise<Incident> {
    const incident = await this.incidents.findById(this.transactions.manager(), id);
    if (!incident) throw new NotFoundError(`No incident with id ${id}`);
    return incident;
  }
}
