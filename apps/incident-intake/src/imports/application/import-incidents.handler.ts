import { createHash } from 'node:crypto';
import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { QueryFailedError } from 'typeorm';
import { isTransientFailure, Transactions } from '#database';
import { canonicalJson, InconsistentInputError } from '#domain';
import { IncidentRecorder } from '../../incidents/application/incident-recorder.js';
import { IncidentRepository } from '../../incidents/infrastructure/incident.repository.js';
import { mapAwsdRecord } from '../domain/awsd-record.js';
import { ImportLayoutError, readAwsdCsv } from '../infrastructure/awsd-csv-reader.js';
import { ImportIncidentsCommand, type ImportSummary } from './import-incidents.command.js';
import { ImportInterruptedError } from './import-interrupted.error.js';
import { DefaultImportRetryPolicy, withRetries, type ImportRetryPolicy } from './import-retry.js';

/** Injection token of the ImportRetryPolicy; without a provider the default applies. */
export const IMPORT_RETRY_POLICY = Symbol('ImportRetryPolicy');

/**
 * External references of AWSD rows: the source's incident id makes a re-import create nothing,
 * and a fingerprint of what the row said turns a changed row into a reported conflict.
 */
const SOURCE = 'awsd';
const MAX_LISTED_ERRORS = 1000;

@CommandHandler(ImportIncidentsCommand)
export class ImportIncidentsHandler implements ICommandHandler<ImportIncidentsCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentRecorder) private readonly recorder: IncidentRecorder,
    @Inject(IncidentRepository) private readonly incidents: IncidentRepository,
    @Optional() @Inject(IMPORT_RETRY_POLICY) private readonly retryPolicy: ImportRetryPolicy = DefaultImportRetryPolicy,
  ) {}

  async execute({ csv, reporter }: ImportIncidentsCommand): Promise<ImportSummary> {
    const summary: ImportSummary = { rows: 0, created: 0, alreadyImported: 0, failed: 0, errors: [], errorsTruncated: false, warnings: [] };
    const fail = (line: number, externalId: string | undefined, problems: ImportSummary['errors'][number]['problems']) => {
      summary.failed++;
      if (summary.errors.length < MAX_LISTED_ERRORS) summary.errors.push({ line, externalId, problems });
      else summary.errorsTruncated = true;
    };
    try {
      for await (const row of readAwsdCsv(csv)) {
        summary.rows++;
        if ('problem' in row) {
          fail(row.line, undefined, [{ field: 'row', problems: [row.problem] }]);
          continue;
        }
        const mapped = mapAwsdRecord(row.record);
        if (!mapped.ok) {
          fail(row.line, mapped.externalId, mapped.problems);
          continue;
        }
        const dropped = mapped.dropped.flatMap(({ field, problems }) => problems.map((problem) => `${field} ${problem}: left out`));
        try {
          const fingerprint = createHash('sha256')
            .update(canonicalJson({ details: mapped.details, perpetratorName: mapped.perpetratorName }))
            .digest('hex');
          const outcome = await withRetries(this.retryPolicy, () =>
            this.transactions.run(async (manager) => {
              const earlier = await this.incidents.findImported(manager, SOURCE, mapped.externalId);
              if (earlier && earlier.fingerprint !== fingerprint) {
                throw new InconsistentInputError('changed since it was imported', [
                  {
                    field: 'Incident ID',
                    problems: [
                      `${mapped.externalId} was imported before as ${earlier.reference} with different content; review and amend that incident instead`,
                    ],
                  },
                ]);
              }
              if (earlier) return 'existing' as const;
              const protectedData = mapped.perpetratorName
                ? { perpetratorName: mapped.perpetratorName, victims: [], witnesses: [] }
                : undefined;
              const { incident, warnings } = await this.recorder.record(manager, {
                details: mapped.details,
                protectedData,
                reporter,
                externalReference: { source: SOURCE, id: mapped.externalId },
              });
              await this.incidents.setImportFingerprint(manager, incident.id, fingerprint);
              return warnings;
            }),
          );
          if (outcome === 'existing') summary.alreadyImported++;
          else summary.created++;
          const messages = [...dropped, ...(outcome === 'existing' ? [] : outcome)];
          if (messages.length > 0) summary.warnings.push({ line: row.line, externalId: mapped.externalId, messages });
        } catch (error) {
          if (error instanceof InconsistentInputError)
            fail(row.line, mapped.externalId, error.details ?? [{ field: 'row', problems: [error.message] }]);
          // A concurrent import of the same file took this row first.
          else if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
            summary.alreadyImported++;
          else if (isTransientFailure(error)) {
            // This row is not done: the summary counts the rows before it.
            summary.rows--;
            throw new ImportInterruptedError(summary, row.line, { cause: error });
          } else throw error;
        }
      }
    } catch (error) {
      if (error instanceof ImportLayoutError) throw new InconsistentInputError(`The file is not an AWSD or HXL export: ${error.message}`);
      throw error;
    }
    return summary;
  }
}
