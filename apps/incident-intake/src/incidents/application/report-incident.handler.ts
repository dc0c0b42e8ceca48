import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { ConflictError } from '#domain';
import { IdempotencyKeys } from '../infrastructure/idempotency-keys.js';
import { IncidentRepository } from '../infrastructure/incident.repository.js';
import { IncidentRecorder } from './incident-recorder.js';
import { ReportIncidentCommand, type ReportIncidentResult } from './report-incident.command.js';

@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentRecorder) private readonly recorder: IncidentRecorder,
    @Inject(IncidentRepository) private readonly incidents: IncidentRepository,
    @Inject(IdempotencyKeys) private readonly idempotencyKeys: IdempotencyKeys,
  ) {}

  execute({ details, protectedData, reporter, idempotency }: ReportIncidentCommand): Promise<ReportIncidentResult> {
    return this.transactions.run(async (manager) => {
      if (idempotency) {
        await this.idempotencyKeys.lock(manager, reporter.subject, idempotency.key);
        const earlier = await this.idempotencyKeys.find(manager, reporter.subject, idempotency.key);
        if (earlier && earlier.requestHash !== idempotency.requestHash) {
          throw new ConflictError('This Idempotency-Key was already used with a different request body; use a new key for a new incident');
        }
        // The key row references the incident (foreign key), so it exists.
        if (earlier) return { incident: (await this.incidents.findById(manager, earlier.incidentId))!, warnings: [], replayed: true };
      }
      const { incident, warnings } = await this.recorder.record(manager, { details, protectedData, reporter });
      if (idempotency)
        await this.idempotencyKeys.remember(manager, reporter.subject, idempotency.key, idempotency.requestHash, incident.id);
      return { incident, warnings, replayed: false };
    });
  }
}
