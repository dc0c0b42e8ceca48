import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { assertDownloadable } from '../domain/report-job.js';
import { ReportRepository } from '../infrastructure/report.repository.js';
import { DownloadReportQuery, type ReportDownload } from './download-report.query.js';
import { ReportFinder } from './report-finder.js';

@QueryHandler(DownloadReportQuery)
export class DownloadReportHandler implements IQueryHandler<DownloadReportQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ReportFinder) private readonly finder: ReportFinder,
    @Inject(ReportRepository) private readonly reports: ReportRepository,
  ) {}

  execute({ reportId, format, actor }: DownloadReportQuery): Promise<ReportDownload> {
    return this.transactions.run(async (manager) => {
      const report = await this.finder.visible(manager, reportId, actor);
      assertDownloadable(report.status);
      const file = await this.reports.file(manager, reportId, format);
      return { ...file, fileName: `${report.reference}.${format}` };
    });
  }
}
