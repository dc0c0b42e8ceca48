import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import type { ReportRecord } from '../infrastructure/report.repository.js';
import { GetReportQuery } from './get-report.query.js';
import { ReportFinder } from './report-finder.js';

@QueryHandler(GetReportQuery)
export class GetReportHandler implements IQueryHandler<GetReportQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ReportFinder) private readonly finder: ReportFinder,
  ) {}

  execute({ reportId, actor }: GetReportQuery): Promise<ReportRecord> {
    return this.transactions.run((manager) => this.finder.visible(manager, reportId, actor));
  }
}
