import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { AllTopics, deadLetterTopicOf, Topics } from '#contracts';
import { assertTestDatabase } from '#database';
import { KafkaConnection } from '#messaging';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { eventually } from '../support/eventually.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';
import { sharedDataFile } from '../support/shared-data.js';
import { faultsBroker, killFaultsBroker, postgresCluster } from './faults-broker.js';

// The suite's own country and year: its database is its own too, so every figure is absolute.
const COUNTRY = 'CM';
const YEAR = 2016;
const POSTED_AT_LEAST = Number(process.env.FAULTS_POSTED ?? 600);
const IMPORTED_AT_LEAST = Number(process.env.FAULTS_IMPORTED ?? 4400);
const IMPORT_FILE_ROWS = 500;
const POSTERS = 2;
const PROBES = 15;
// What a client does during an outage: tries again, for at most this long per request.
const CLIENT_PATIENCE_MS = 180_000;

type Service = 'incident-intake' | 'investigation-tracking' | 'council-reporting';

describe('the whole system under faults: broker, consumers and PostgreSQL killed during a load of about 5,000 incidents', () => {
  const officer = tokenFor('officer', 'org-faults', 'officer-faults');
  const admin = tokenFor('admin', 'org-faults-admin');
  const services = new Map<Service, RunningService>();
  const database = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  // A dropped connection (PostgreSQL restarted) is an error event on an idle client: the pool replaces it.
  database.on('error', () => undefined);
  const statuses = new Map<number, number>();
  const faults: string[] = [];
  const verified: string[] = [];
  let importedRows = 0;
  // Set when the test ends, failed or not, so no client loop outlives it.
  let stopped = false;

  beforeAll(async () => {
    assertTestDatabase(process.env.DATABASE_URL!);
    await recreateDatabase();
    // Jest gives each test file its own copy of process.env: the child must be handed it.
    const migrated = execFileSync(process.execPath, ['dist/migrations/run.js', 'up'], { encoding: 'utf8', env: process.env });
    expect(migrated).toMatch(/CreateIntakeSchema.*\n.*CreateInvestigationSchema.*\n.*CreateReportingSchema/);
    faultsBroker('down');
    rmSync(process.env.LOCAL_KAFKA_DIR!, { recursive: true, force: true });
    faultsBroker('up');
    for (const name of ['incident-intake', 'investigation-tracking', 'council-reporting'] as const) {
      services.set(name, await start(name));
    }
  });

  afterAll(async () => {
    stopped = true;
    await Promise.all([...services.values()].map((service) => service.stop()));
    await database.end();
    faultsBroker('down');
  });

  it('loses nothing, counts everything once, and is as fast afterwards as before', async () => {
    const before = await caseLatencies();

    let load = true;
    const injector = injectFaults().finally(() => (load = false));
    const posters = Array.from({ length: POSTERS }, async () => {
      while (!stopped && (load || verified.length < POSTED_AT_LEAST)) verified.push(await reportAndVerify());
    });
    const importer = (async () => {
      while (!stopped && (load || importedRows < IMPORTED_AT_LEAST)) importedRows += await importFile(IMPORT_FILE_ROWS);
    })();
    await Promise.all([injector, ...posters, importer]);

    await eventually(
      async () => expect(await casesPerIncident(verified)).toEqual({ incidents: verified.length, withOneCase: verified.length }),
      {
        timeoutMs: 300_000,
      },
    );
    const incidents = verified.length + importedRows;
    await eventually(async () => expect(await incidentsCounted()).toBe(incidents), { timeoutMs: 300_000 });
    await eventually(async () => expect(await unpublishedOutboxRows()).toEqual({ intake: 0, investigation: 0, reporting: 0 }));
    expect(await deadLettered()).toBe(0);
    expect(statuses.get(500) ?? 0).toBe(0);

    const after = await caseLatencies();
    const report = {
      faults,
      incidents: { posted: verified.length, imported: importedRows, counted: await incidentsCounted() },
      responses: Object.fromEntries(statuses),
      caseVisibleMs: { before: summary(before), after: summary(after) },
    };
    console.log(`fault-injection run\n${JSON.stringify(report, null, 2)}`);
    // The relay's fallback poll is 5 s: a LISTEN left unarmed would put the median in seconds.
    // The slack absorbs a shared machine's scheduling noise around a median of tens of ms.
    expect(median(after)).toBeLessThanOrEqual(Math.max(2 * median(before), median(before) + 200));
    // A guard against a hang, not a speed target: the load and its recovery take a few minutes.
  }, 1_200_000);

  /** Faults one after another, each once the load has moved on since the last, so each lands under load. */
  async function injectFaults(): Promise<void> {
    const step = Math.floor(POSTED_AT_LEAST / 6);
    const progress = async (atLeast: number) =>
      eventually(async () => stopped || expect(verified.length).toBeGreaterThanOrEqual(atLeast), { timeoutMs: 600_000 });

    await progress(step);
    if (stopped) return;
    fault('broker killed (SIGKILL)');
    killFaultsBroker();
    await pause(5_000);
    faultsBroker('up');
    fault('broker restarted');

    for (const name of ['investigation-tracking', 'council-reporting'] as const) {
      await progress(verified.length + step);
      if (stopped) return;
      fault(`${name} killed (SIGKILL)`);
      await services.get(name)!.kill();
      if (stopped) return;
      services.set(name, await start(name));
      fault(`${name} restarted`);
    }

    await progress(verified.length + step);
    if (stopped) return;
    fault('PostgreSQL stopped');
    postgresCluster('stop');
    await pause(15_000);
    postgresCluster('start');
    await eventually(async () => void (await database.query('SELECT 1')), { timeoutMs: 60_000 });
    fault('PostgreSQL started');
    await progress(verified.length + step);
  }

  // The load is the point here, not the per-client rate limit another suite tests.
  const start = (name: Service) =>
    startService(name, { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_PER_IP_PER_MINUTE: '1000000' }, `.stack/logs/faults-${name}.log`);

  function fault(what: string): void {
    const line = `${new Date().toISOString().slice(11, 19)} ${what} (${verified.length} posted, ${importedRows} imported)`;
    faults.push(line);
    process.stderr.write(`[faults] ${line}\n`);
  }

  /** POST /incidents with an Idempotency-Key and verification, each tried again until it is accepted. */
  async function reportAndVerify(): Promise<string> {
    const key = randomUUID();
    const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
    const body = JSON.stringify(reportIncidentBody({ countryCode: COUNTRY, occurredOn: `${YEAR}-${month}-${day}` }));
    const created = await patiently(() =>
      send('incident-intake', '/incidents', { method: 'POST', body, headers: { 'Idempotency-Key': key } }),
    );
    const { id } = (await created.json()) as { id: string };
    await patiently(async () => {
      const response = await send('incident-intake', `/incidents/${id}/verify`, { method: 'POST' });
      // The verification committed but its answer was lost: asking again finds it verified.
      if (response.status === 409) {
        const current = await patiently(() => send('incident-intake', `/incidents/${id}`));
        if (((await current.json()) as { status: string }).status === 'verified') return current;
      }
      return response;
    });
    return id;
  }

  /** Imports a synthetic AWSD file; an interrupted import (503) is sent again whole, which is safe. */
  async function importFile(rows: number): Promise<number> {
    const csv = syntheticExport(rows);
    const response = await patiently(() =>
      send('incident-intake', '/incidents/imports', { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } }),
    );
    const result = (await response.json()) as { created: number; alreadyImported: number; failed: number };
    if (result.failed > 0) throw new Error(`import refused rows: ${JSON.stringify(result).slice(0, 500)}`);
    return result.created + result.alreadyImported;
  }

  async function send(service: Service, path: string, init: RequestInit = {}): Promise<Response> {
    const headers = { Authorization: `Bearer ${officer}`, 'Content-Type': 'application/json', ...init.headers };
    const response = await fetch(`${services.get(service)!.url}${path}`, { ...init, headers, signal: AbortSignal.timeout(60_000) });
    statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
    return response;
  }

  /** Tries a request again on a refused connection or a 5xx, as a client should during an outage. */
  async function patiently(attempt: () => Promise<Response>): Promise<Response> {
    const deadline = Date.now() + CLIENT_PATIENCE_MS;
    for (let delay = 200; ; delay = Math.min(delay * 2, 2_000)) {
      const response = await attempt().catch((error: unknown) => error as Error);
      if (response instanceof Response && response.status < 500) {
        if (response.ok) return response;
        throw new Error(`${response.status}: ${await response.text()}`);
      }
      if (stopped || Date.now() > deadline) throw new Error(`still failing after ${CLIENT_PATIENCE_MS} ms: ${String(response)}`);
      await pause(delay);
    }
  }

  /** Milliseconds from a verification's answer to its case being in the database, for a few incidents one at a time. */
  async function caseLatencies(): Promise<number[]> {
    const latencies: number[] = [];
    for (let probe = 0; probe < PROBES; probe++) {
      const id = await reportAndVerify();
      const verifiedAt = performance.now();
      await eventually(async () => expect((await casesPerIncident([id])).withOneCase).toBe(1), { intervalMs: 5 });
      latencies.push(performance.now() - verifiedAt);
      verified.push(id);
    }
    return latencies;
  }

  async function casesPerIncident(ids: string[]): Promise<{ incidents: number; withOneCase: number }> {
    const { rows } = await database.query<{ incidents: string; with_one_case: string }>(
      `SELECT count(*) AS incidents, count(*) FILTER (WHERE cases = 1) AS with_one_case
         FROM unnest($1::uuid[]) AS incident(id),
              LATERAL (SELECT count(*) AS cases FROM investigation.case_incident WHERE incident_id = incident.id) AS linked`,
      [ids],
    );
    return { incidents: Number(rows[0].incidents), withOneCase: Number(rows[0].with_one_case) };
  }

  async function incidentsCounted(): Promise<number> {
    const response = await fetch(`${services.get('council-reporting')!.url}/statistics?country=${COUNTRY}&period=${YEAR}`, {
      headers: { Authorization: `Bearer ${admin}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { totals: { incidents: number } }).totals.incidents;
  }

  async function unpublishedOutboxRows(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const schema of ['intake', 'investigation', 'reporting']) {
      const { rows } = await database.query<{ count: string }>(
        `SELECT count(*) FROM "${schema}".outbox WHERE published_at IS NULL AND discarded_at IS NULL`,
      );
      counts[schema] = Number(rows[0].count);
    }
    return counts;
  }

  async function deadLettered(): Promise<number> {
    const kafka = new KafkaConnection({ clientId: 'faults-check', brokers: process.env.KAFKA_BROKERS!.split(',') });
    const adminClient = kafka.admin();
    await adminClient.connect();
    try {
      let total = 0;
      for (const topic of AllTopics.filter((name) => Object.values(Topics).some((event) => deadLetterTopicOf(event) === name))) {
        for (const partition of await adminClient.fetchTopicOffsets(topic)) total += Number(partition.high) - Number(partition.low);
      }
      return total;
    } finally {
      await adminClient.disconnect();
      await kafka.close();
    }
  }
});

let exportHeader: string[] | undefined;
let exportTemplate: string[] | undefined;
let nextAwsdId = 900_000_000 + Math.floor(Math.random() * 1_000_000) * 100;

/** AWSD rows built from the sample's first row, with fresh incident ids, in the suite's country and year. */
function syntheticExport(rows: number): string {
  if (!exportHeader) [exportHeader, exportTemplate] = parse(readFileSync(sharedDataFile('awsd-sample.csv'))) as string[][];
  const column = (name: string) => exportHeader!.indexOf(name);
  const out = [exportHeader];
  for (let index = 0; index < rows; index++) {
    const row = [...exportTemplate!];
    row[column('Incident ID')] = String(nextAwsdId++);
    row[column('Year')] = String(YEAR);
    row[column('Country Code')] = COUNTRY;
    row[column('Country')] = 'Cameroon';
    out.push(row);
  }
  return stringify(out);
}

async function recreateDatabase(): Promise<void> {
  const url = new URL(process.env.DATABASE_URL!);
  const name = url.pathname.slice(1);
  const client = new pg.Client({ connectionString: new URL('/postgres', url).toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summary = (values: number[]) => ({ median: Math.round(median(values)), max: Math.round(Math.max(...values)) });
