import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ReportGenerated, type ReportGeneratedV1 } from '#contracts';
import { Transactions } from '#database';
import { CLOCK, type Clock } from '#domain';
import { Outbox } from '#messaging';
import { LiveProjectionSchema } from '../../projections/infrastructure/projection-tables.js';
import type { CouncilReportData } from '../domain/council-report.js';
import { ReportSteps } from '../domain/report-job.js';
import { renderAllFormats, type RenderedFile } from '../infrastructure/council-report.renderer.js';
import { ReportDataAssembler } from '../infrastructure/report-data.assembler.js';
import { ReportRepository, type ReportRecord } from '../infrastructure/report.repository.js';
import { GenerateNextReportCommand } from './generate-next-report.command.js';

/**
 * Claims a queued report, takes its figures from one snapshot of the live read models (with
 * the topic positions that make its watermark), renders every format, and stores the files
 * with their hashes and the `report.generated` event together. A failure is recorded with
 * its reason; the job can be retried.
 */
@CommandHandler(GenerateNextReportCommand)
export class GenerateNextReportHandler implements ICommandHandler<GenerateNextReportCommand> {
  private readonly logger = new Logger('CouncilReports');
  private readonly assembler = new ReportDataAssembler(LiveProjectionSchema);

  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ReportRepository) private readonly reports: ReportRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(): Promise<boolean> {
    const job = await this.transactions.run((manager) => this.reports.claimNext(manager, this.clock.now()));
    if (!job) return false;
    try {
      const data = await this.transactions.run(
        (manager) =>
          this.assembler.assemble(manager, {
            reportId: job.reportId,
            reference: job.reference,
            request: job.request,
            actor: job.requester,
            asOf: this.clock.now(),
          }),
        'REPEATABLE READ',
      );
      const span = ReportSteps.storing - ReportSteps.rendering;
      const files = await renderAllFormats(data, (done, of) =>
        this.transactions.run((manager) =>
          this.reports.progress(manager, job.reportId, 'rendering', ReportSteps.rendering + Math.floor((span * done) / of)),
        ),
      );
      await this.transactions.run(async (manager) => {
        const completedAt = this.clock.now();
        await this.reports.complete(manager, job.reportId, data.watermark, files, completedAt);
        await this.outbox.append(
          manager,
          [{ contract: ReportGenerated, aggregateId: job.reportId, payload: this.announcement(job, data, files) }],
          completedAt,
        );
      });
      this.logger.log({ msg: 'council report generated', reportId: job.reportId, reference: job.reference });
    } catch (error) {
      const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.logger.error({ msg: 'council report failed; it can be retried', reportId: job.reportId, reason });
      await this.transactions.run((manager) => this.reports.fail(manager, job.reportId, reason, this.clock.now()));
    }
    return true;
  }

  private announcement(job: ReportRecord, data: CouncilReportData, files: RenderedFile[]): ReportGeneratedV1 {
    const { kind, label, from, to } = job.request.period;
    return {
      reportId: job.reportId,
      reference: job.reference,
      period: { kind: kind as ReportGeneratedV1['period']['kind'], label, from, to },
      scope: { kind: job.request.scope.kind, ...(job.request.scope.code ? { code: job.request.scope.code } : {}) },
      language: job.request.language,
      watermark: data.watermark,
      files: files.map(({ format, sha256, content }) => ({ format, sha256, bytes: content.length })),
      generatedAt: this.clock.now().toISOString(),
    };
  }
}
