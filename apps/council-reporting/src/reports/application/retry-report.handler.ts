import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { assertRetryable } from '../domain/report-job.js';
import { ReportJobRunner } from '../infrastructure/report-job.runner.js';
import { ReportRepository } from '../infrastructure/report.repository.js';
import { ReportFinder } from './report-finder.js';
import { RetryReportCommand } from './retry-report.command.js';

@CommandHandler(RetryReportCommand)
export class RetryReportHandler implements ICommandHandler<RetryReportCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ReportFinder) private readonly finder: ReportFinder,
    @Inject(ReportRepository) private readonly reports: ReportRepository,
    @Inject(ReportJobRunner) private readonly runner: ReportJobRunner,
  ) {}

  async execute({ reportId, actor }: RetryReportCommand): Promise<void> {
    await this.transactions.run(async (manager) => {
      const report = await this.finder.visible(manager, reportId, actor, true);
      assertRetryable(report.status);
      await this.reports.requeue(manager, reportId);
    });
    this.runner.wake();
  }
}
