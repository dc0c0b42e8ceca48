import { Module } from '@nestjs/common';
import { DownloadReportHandler } from './application/download-report.handler.js';
import { GenerateNextReportHandler } from './application/generate-next-report.handler.js';
import { GetReportHandler } from './application/get-report.handler.js';
import { ReportFinder } from './application/report-finder.js';
import { RequestReportHandler } from './application/request-report.handler.js';
import { RetryReportHandler } from './application/retry-report.handler.js';
import { ReportsController } from './http/reports.controller.js';
import { ReportJobRunner } from './infrastructure/report-job.runner.js';
import { ReportRepository } from './infrastructure/report.repository.js';

@Module({
  controllers: [ReportsController],
  providers: [
    RequestReportHandler,
    RetryReportHandler,
    GetReportHandler,
    DownloadReportHandler,
    GenerateNextReportHandler,
    ReportFinder,
    ReportRepository,
    ReportJobRunner,
  ],
})
export class ReportsModule {}
