import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor, Transactions } from '#database';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { FindCasesQuery, type CasePage } from './find-cases.query.js';

@QueryHandler(FindCasesQuery)
export class FindCasesHandler implements IQueryHandler<FindCasesQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
  ) {}

  async execute({ filter, limit, cursor }: FindCasesQuery): Promise<CasePage> {
    const afterId = cursor ? decodeCursor(cursor)[1] : undefined;
    const found = await this.cases.find(this.transactions.manager(), filter, afterId, limit + 1);
    const items = found.slice(0, limit);
    return { items, nextCursor: found.length > limit ? encodeCursor('', items[items.length - 1].id) : null };
  }
}
