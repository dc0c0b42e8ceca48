import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import type { CaseProtectedData } from '../domain/case-protected-data.js';
import { CaseProtectedDataRepository } from '../infrastructure/case-protected-data.repository.js';
import { CaseFinder } from './case-finder.js';
import { GetCaseProtectedDataQuery } from './get-case-protected-data.query.js';

@QueryHandler(GetCaseProtectedDataQuery)
export class GetCaseProtectedDataHandler implements IQueryHandler<GetCaseProtectedDataQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseFinder) private readonly finder: CaseFinder,
    @Inject(CaseProtectedDataRepository) private readonly protectedData: CaseProtectedDataRepository,
  ) {}

  async execute({ caseId, actor }: GetCaseProtectedDataQuery): Promise<CaseProtectedData> {
    // A transaction, so the read and its audit entry are recorded together.
    return this.transactions.run(async (manager) => {
      await this.finder.permitted(manager, caseId, actor, 'read_protected', 'protected_data.read');
      return (await this.protectedData.load(manager, caseId)) ?? { survivors: [], accused: [] };
    });
  }
}
