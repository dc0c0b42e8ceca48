import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import type { ProtectedData } from '../domain/protected-data.js';
import { ProtectedDataRepository } from '../infrastructure/protected-data.repository.js';
import { GetProtectedDataQuery } from './get-protected-data.query.js';
import { IncidentFinder } from './incident-finder.js';

@QueryHandler(GetProtectedDataQuery)
export class GetProtectedDataHandler implements IQueryHandler<GetProtectedDataQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentFinder) private readonly finder: IncidentFinder,
    @Inject(ProtectedDataRepository) private readonly protectedData: ProtectedDataRepository,
  ) {}

  async execute({ incidentId, reader }: GetProtectedDataQuery): Promise<ProtectedData> {
    // A transaction, so the read and its audit entry are recorded together.
    return this.transactions.run(async (manager) => {
      await this.finder.permitted(manager, incidentId, reader, 'read_protected', 'protected_data.read');
      return (await this.protectedData.load(manager, incidentId)) ?? { victims: [], witnesses: [] };
    });
  }
}
