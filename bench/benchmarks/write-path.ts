// The write path: POST /incidents and the AWSD import, each against raw `pg` inserting the
// same rows at the same concurrency, in the same run.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import pg from 'pg';
import { syntheticExport } from '../support/awsd-export.js';
import { benchToken, type BenchService } from '../support/bench-system.js';
import { percentile } from '../support/figures.js';
import { IncidentRows } from '../support/raw-rows.js';

export interface LoadResult {
  perSecond: number;
  latenciesMs: number[];
}

const officer = benchToken('officer');
let nextReference = 0;
let nextExternalId = 10_000_000;

function incidentBody(countryCode: string, year: number): string {
  return JSON.stringify({
    countryCode,
    occurredOn: `${year}-03-14`,
    occurredOnPrecision: 'day',
    locationType: 'road',
    meansOfAttack: 'shooting',
    attackContext: 'ambush',
    perpetratorCategory: 'non_state_armed_group_national',
    personnel: [
      { harm: 'killed', status: 'national', count: 2 },
      { harm: 'wounded', status: 'international', count: 1 },
    ],
    assets: [{ type: 'vehicle', un: false, damage: 'destroyed' }],
    sources: [{ name: 'Focal point', reliability: 'probably_true' }],
    confidentiality: 'restricted',
  });
}

/** POST /incidents once, as an officer with an Idempotency-Key; the new incident's id. */
export async function postIncident(intake: BenchService, countryCode = 'SD', year = 2019): Promise<string> {
  const response = await fetch(`${intake.url}/incidents`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${officer}`, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
    body: incidentBody(countryCode, year),
  });
  if (response.status !== 201) throw new Error(`POST /incidents answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

export async function verifyIncident(intake: BenchService, id: string): Promise<void> {
  const response = await fetch(`${intake.url}/incidents/${id}/verify`, { method: 'POST', headers: { Authorization: `Bearer ${officer}` } });
  if (!response.ok) throw new Error(`verify answered ${response.status}: ${await response.text()}`);
}

/** `concurrency` clients sending one operation after another for `seconds`: operations per second and their latencies. */
export async function closedLoop(concurrency: number, seconds: number, operation: () => Promise<unknown>): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const sent = performance.now();
        await operation();
        latenciesMs.push(performance.now() - sent);
      }
    }),
  );
  return { perSecond: latenciesMs.length / ((performance.now() - started) / 1000), latenciesMs };
}

/** Operations started at a fixed rate for `seconds` (an open loop, so a slow answer does not slow the arrivals). */
export async function openLoop(perSecond: number, seconds: number, operation: () => Promise<unknown>): Promise<LoadResult> {
  const latenciesMs: number[] = [];
  const started = performance.now();
  const count = Math.max(1, Math.round(perSecond * seconds));
  const pending: Promise<void>[] = [];
  for (let index = 0; index < count; index++) {
    const due = started + (index * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      (async () => {
        const sent = performance.now();
        await operation();
        latenciesMs.push(performance.now() - sent);
      })(),
    );
  }
  await Promise.all(pending);
  return { perSecond: latenciesMs.length / ((performance.now() - started) / 1000), latenciesMs };
}

/** The raw baseline of POST /incidents: the service's rows for one incident, inserted in one transaction. */
export function rawIncidentInsert(pool: pg.Pool, template: IncidentRows): () => Promise<void> {
  return async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await template.insertCopy(client, `BENCH-${(nextReference++).toString(36)}`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  };
}

export interface ImportResult {
  rows: number;
  rowsPerSecond: number;
  startedAt: number;
  endedAt: number;
}

/** POST /incidents/imports of a synthetic export of `rows` rows. */
export async function importExport(intake: BenchService, rows: number): Promise<ImportResult> {
  const csv = syntheticExport(rows, (nextExternalId += rows));
  const startedAt = Date.now();
  const response = await fetch(`${intake.url}/incidents/imports`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${officer}`, 'Content-Type': 'text/csv' },
    body: csv,
  });
  const summary = (await response.json()) as { created: number; failed: number };
  const endedAt = Date.now();
  if (!response.ok || summary.failed > 0) throw new Error(`import failed: ${response.status} ${JSON.stringify(summary).slice(0, 500)}`);
  return { rows: summary.created, rowsPerSecond: summary.created / ((endedAt - startedAt) / 1000), startedAt, endedAt };
}

/**
 * The raw baseline of the import: the same export parsed, and the service's rows of an imported
 * incident inserted for each record, `batch` records per transaction with a savepoint per
 * record, so a bad record could still fail alone and be reported with its line.
 */
export async function rawImport(pool: pg.Pool, template: IncidentRows, rows: number, batch = 100): Promise<number> {
  const started = performance.now();
  const records = (parse(syntheticExport(rows, (nextExternalId += rows))) as string[][]).slice(1);
  const client = await pool.connect();
  try {
    for (let first = 0; first < records.length; first += batch) {
      await client.query('BEGIN');
      for (const record of records.slice(first, first + batch)) {
        await client.query('SAVEPOINT row');
        await template.insertCopy(client, `BENCH-${(nextReference++).toString(36)}`, record[0]);
        await client.query('RELEASE SAVEPOINT row');
      }
      await client.query('COMMIT');
    }
  } finally {
    client.release();
  }
  return records.length / ((performance.now() - started) / 1000);
}

export function latencySpread(latenciesMs: readonly number[]): { p50: number; p99: number } {
  return { p50: percentile(latenciesMs, 50), p99: percentile(latenciesMs, 99) };
}
