import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Transactions } from '#database';
import { CLOCK, type Clock } from '#domain';
import { reportRequestOf } from '../domain/report-request.js';
import { ReportJobRunner } from '../infrastructure/report-job.runner.js';
import { ReportRepository } from '../infrastructure/report.repository.js';
import { RequestReportCommand } from './request-report.command.js';

@CommandHandler(RequestReportCommand)
export class RequestReportHandler implements ICommandHandler<RequestReportCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ReportRepository) private readonly reports: ReportRepository,
    @Inject(ReportJobRunner) private readonly runner: ReportJobRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, requester }: RequestReportCommand): Promise<{ reportId: string; reference: string }> {
    const request = reportRequestOf(input);
    const reportId = uuidv7();
    const reference = await this.transactions.run((manager) =>
      this.reports.insert(manager, reportId, request, requester, this.clock.now()),
    );
    this.runner.wake();
    return { reportId, reference };
  }
}
