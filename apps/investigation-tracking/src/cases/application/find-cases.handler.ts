import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import type { Case } from '../domain/case.js';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { FindCasesQuery } from './find-cases.query.js';

@QueryHandler(FindCasesQuery)
export class FindCasesHandler implements IQueryHandler<FindCasesQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
  ) {}

  execute({ filter }: FindCasesQuery): Promise<Case[]> {
    return this.cases.find(this.transactions.manager(), filter);
  }
}
