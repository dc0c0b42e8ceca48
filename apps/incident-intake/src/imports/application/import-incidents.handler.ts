import { createHash } from 'node:crypto';
import { Inject, Optional } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { isTransientFailure, Transactions } from '#database';
import { canonicalJson, InconsistentInputError, type FieldProblem } from '#domain';
import { IncidentRecorder, type Reporter } from '../../incidents/application/incident-recorder.js';
import { IncidentRepository } from '../../incidents/infrastructure/incident.repository.js';
import { mapAwsdRecord, type AwsdMapping } from '../domain/awsd-record.js';
import { ImportLayoutError, readAwsdCsv, type CsvRow } from '../infrastructure/awsd-csv-reader.js';
import { ImportIncidentsCommand, type ImportSummary } from './import-incidents.command.js';
import { ImportInterruptedError } from './import-interrupted.error.js';
import { DefaultImportRetryPolicy, withRetries, type ImportRetryPolicy } from './import-retry.js';

/** Injection token of the ImportRetryPolicy; without a provider the default applies. */
export const IMPORT_RETRY_POLICY = Symbol('ImportRetryPolicy');

/**
 * Rows read before they are written in one transaction, a savepoint each. A commit per row made
 * the import about ten times slower than its raw baseline. A batch is also all of the file held
 * in memory, all that a transient failure makes the client send again, and how long an incident
 * reported meanwhile may wait for the reference counter, whose row the batch holds locked.
 */
export const IMPORT_BATCH_ROWS = 100;

/**
 * External references of AWSD rows: the source's incident id makes a re-import create nothing,
 * and a fingerprint of what the row said turns a changed row into a reported conflict.
 */
const SOURCE = 'awsd';
const MAX_LISTED_ERRORS = 1000;

/** What became of one row; the summary takes it in only once the row's batch has committed. */
type RowOutcome =
  | { line: number; externalId?: string; result: 'failed'; problems: FieldProblem[] }
  | { line: number; externalId: string; result: 'created' | 'alreadyImported'; warnings: string[] };

/** A row read and mapped: settled already when it cannot be imported, else what to write. */
type PreparedRow = SettledRow | RowToWrite;
type SettledRow = { line: number; settled: RowOutcome };
type RowToWrite = { line: number; mapped: Extract<AwsdMapping, { ok: true }>; fingerprint: string; dropped: string[] };

/**
 * What the rows of one attempt at a batch share, so that each row costs no query of its own
 * to find or fingerprint: the incidents imported before, by external id (with those the batch
 * creates, for an id the file repeats), and the fingerprints to set once all rows are written.
 */
interface BatchWrites {
  imported: Map<string, { reference: string; fingerprint: string | null }>;
  created: { id: string; fingerprint: string }[];
}

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
    let batch: PreparedRow[] = [];
    try {
      for await (const row of readAwsdCsv(csv)) {
        batch.push(prepare(row));
        if (batch.length < IMPORT_BATCH_ROWS) continue;
        await this.importBatch(batch, reporter, summary);
        batch = [];
      }
      if (batch.length > 0) await this.importBatch(batch, reporter, summary);
    } catch (error) {
      if (error instanceof ImportLayoutError) throw new InconsistentInputError(`The file is not an AWSD or HXL export: ${error.message}`);
      throw error;
    }
    return summary;
  }

  /**
   * Writes a batch's rows in one transaction, retried as a whole while it fails transiently, and
   * only then adds their outcomes to the summary: an interrupted import reports none of them.
   */
  private async importBatch(batch: PreparedRow[], reporter: Reporter, summary: ImportSummary): Promise<void> {
    let outcomes: RowOutcome[];
    try {
      outcomes = batch.every(isSettled)
        ? batch.map(({ settled }) => settled)
        : await withRetries(this.retryPolicy, () =>
            this.transactions.run(async (manager) => {
              const toWrite = batch.flatMap((row) => (isSettled(row) ? [] : [row.mapped.externalId]));
              const writes: BatchWrites = { imported: await this.incidents.findImported(manager, SOURCE, toWrite), created: [] };
              const written: RowOutcome[] = [];
              for (const row of batch) written.push(isSettled(row) ? row.settled : await this.importRow(manager, row, reporter, writes));
              await this.incidents.setImportFingerprints(manager, writes.created);
              return written;
            }),
          );
    } catch (error) {
      // None of this batch is written: the summary counts the rows before it.
      if (isTransientFailure(error)) throw new ImportInterruptedError(summary, batch[0].line, { cause: error });
      throw error;
    }
    for (const outcome of outcomes) addToSummary(summary, outcome);
  }

  /** Writes one row under a savepoint, so that a row refused after its first writes fails alone. */
  private async importRow(
    manager: EntityManager,
    { line, mapped, fingerprint, dropped }: RowToWrite,
    reporter: Reporter,
    writes: BatchWrites,
  ): Promise<RowOutcome> {
    const { externalId } = mapped;
    try {
      return await this.transactions.savepoint(async () => {
        const earlier = writes.imported.get(externalId);
        if (earlier && earlier.fingerprint !== fingerprint) {
          throw new InconsistentInputError('changed since it was imported', [
            {
              field: 'Incident ID',
              problems: [
                `${externalId} was imported before as ${earlier.reference} with different content; review and amend that incident instead`,
              ],
            },
          ]);
        }
        if (earlier) return { line, externalId, result: 'alreadyImported', warnings: dropped };
        const protectedData = mapped.perpetratorName ? { perpetratorName: mapped.perpetratorName, victims: [], witnesses: [] } : undefined;
        const { incident, warnings } = await this.recorder.record(manager, {
          details: mapped.details,
          protectedData,
          reporter,
          externalReference: { source: SOURCE, id: externalId },
        });
        writes.imported.set(externalId, { reference: incident.state.reference, fingerprint });
        writes.created.push({ id: incident.id, fingerprint });
        return { line, externalId, result: 'created', warnings: [...dropped, ...warnings] };
      });
    } catch (error) {
      if (error instanceof InconsistentInputError)
        return { line, externalId, result: 'failed', problems: error.details ?? [{ field: 'row', problems: [error.message] }] };
      // A concurrent import of the same file took this row first.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        return { line, externalId, result: 'alreadyImported', warnings: [] };
      throw error;
    }
  }
}

const isSettled = (row: PreparedRow): row is SettledRow => 'settled' in row;

/** Reads and maps a row; rows that fail here never reach the database. */
function prepare(row: CsvRow): PreparedRow {
  const { line } = row;
  if ('problem' in row) return { line, settled: { line, result: 'failed', problems: [{ field: 'row', problems: [row.problem] }] } };
  const mapped = mapAwsdRecord(row.record);
  if (!mapped.ok) return { line, settled: { line, externalId: mapped.externalId, result: 'failed', problems: mapped.problems } };
  const fingerprint = createHash('sha256')
    .update(canonicalJson({ details: mapped.details, perpetratorName: mapped.perpetratorName }))
    .digest('hex');
  const dropped = mapped.dropped.flatMap(({ field, problems }) => problems.map((problem) => `${field} ${problem}: left out`));
  return { line, mapped, fingerprint, dropped };
}

function addToSummary(summary: ImportSummary, outcome: RowOutcome): void {
  summary.rows++;
  if (outcome.result === 'failed') {
    summary.failed++;
    if (summary.errors.length < MAX_LISTED_ERRORS)
      summary.errors.push({ line: outcome.line, externalId: outcome.externalId, problems: outcome.problems });
    else summary.errorsTruncated = true;
    return;
  }
  summary[outcome.result]++;
  if (outcome.warnings.length > 0)
    summary.warnings.push({ line: outcome.line, externalId: outcome.externalId, messages: outcome.warnings });
}
