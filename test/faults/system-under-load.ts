import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { deadLetterTopicOf, hasDeadLetterTopic, Topics } from '#contracts';
import { assertTestDatabase } from '#database';
import { KafkaConnection, toolKafkaCredentials } from '#messaging';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { eventually } from '../support/eventually.js';
import { startService, tokenFor, type RunningService, type ServiceName } from '../support/services.js';
import { sharedDataFile } from '../support/shared-data.js';
import { faultsBroker } from './faults-broker.js';

// The suites' own country and year: their database is their own too, so every figure is absolute.
const COUNTRY = 'CM';
const YEAR = 2016;
// What a client does during an outage: tries again, for at most this long per request.
const CLIENT_PATIENCE_MS = 180_000;
const SETTLE_MS = 300_000;

export interface Load {
  posters: number;
  postedAtLeast: number;
  importedAtLeast: number;
  importFileRows: number;
}

/**
 * The whole system on an empty database and broker of its own, and the clients of a load:
 * officers posting and verifying incidents, and AWSD imports. Clients behave as they should
 * during an outage: they try again on a refused connection or a 5xx, with the same
 * Idempotency-Key, and send an interrupted import again.
 */
export class SystemUnderLoad {
  readonly statuses = new Map<number, number>();
  readonly verified: string[] = [];
  importedRows = 0;
  /** Set when the test ends, failed or not, so no client loop outlives it. */
  stopped = false;
  private readonly instances = new Map<string, RunningService>();
  private readonly officer = tokenFor('officer', 'org-faults', 'officer-faults');
  private readonly admin = tokenFor('admin', 'org-faults-admin');
  private readonly database = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  private nextAwsdId = 900_000_000 + Math.floor(Math.random() * 1_000_000) * 100;
  private exportRows?: string[][];

  constructor() {
    // A dropped connection (PostgreSQL restarted) is an error event on an idle client: the pool replaces it.
    this.database.on('error', () => undefined);
  }

  /** An empty database migrated from nothing and a broker with empty storage (topics provisioned with `brokerEnv`). */
  async prepare(brokerEnv: Record<string, string> = {}): Promise<void> {
    assertTestDatabase(process.env.DATABASE_URL!);
    const url = new URL(process.env.DATABASE_URL!);
    const admin = new pg.Client({ connectionString: new URL('/postgres', url).toString() });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${url.pathname.slice(1)}"`);
    } finally {
      await admin.end();
    }
    // Jest gives each test file its own copy of process.env: a child must be handed it.
    const migrated = execFileSync(process.execPath, ['dist/migrations/run.js', 'up'], { encoding: 'utf8', env: process.env });
    if (!/CreateIntakeSchema[^]*CreateInvestigationSchema[^]*CreateReportingSchema/.test(migrated))
      throw new Error(`not migrated: ${migrated}`);
    faultsBroker('down');
    rmSync(process.env.LOCAL_KAFKA_DIR!, { recursive: true, force: true });
    faultsBroker('up', brokerEnv);
  }

  /** Starts an instance of a service under a name of its own (`council-reporting`, `council-reporting#2`). */
  async start(instance: string): Promise<void> {
    const service = instance.split('#')[0] as ServiceName;
    // The load is the point here, not the per-client rate limit another suite tests.
    const env = { RATE_LIMIT_PER_MINUTE: '1000000', RATE_LIMIT_PER_IP_PER_MINUTE: '1000000' };
    this.instances.set(instance, await startService(service, env, `.stack/logs/faults-${instance.replace('#', '-')}.log`));
  }

  async kill(instance: string): Promise<void> {
    await this.instances.get(instance)!.kill();
  }

  async close(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.instances.values()].map((instance) => instance.stop()));
    await this.database.end();
    faultsBroker('down');
  }

  /** Runs the load until `until` settles and at least the given numbers are reached. */
  async run(load: Load, until: Promise<void>): Promise<void> {
    let going = true;
    const done = until.finally(() => (going = false));
    const posters = Array.from({ length: load.posters }, async () => {
      while (!this.stopped && (going || this.verified.length < load.postedAtLeast)) this.verified.push(await this.reportAndVerify());
    });
    const importer = (async () => {
      while (!this.stopped && (going || this.importedRows < load.importedAtLeast))
        this.importedRows += await this.importFile(load.importFileRows);
    })();
    await Promise.all([done, ...posters, importer]);
  }

  /** Waits until the posted load reaches `atLeast` incidents (or the test has ended). */
  async progress(atLeast: number): Promise<void> {
    await eventually(async () => this.stopped || expect(this.verified.length).toBeGreaterThanOrEqual(atLeast), { timeoutMs: 600_000 });
  }

  /** Waits for the system to settle, then asserts that nothing was lost, repeated or left behind. */
  async expectEverythingOnce(): Promise<void> {
    const ids = this.verified;
    await eventually(async () => expect(await this.casesPerIncident(ids)).toEqual({ incidents: ids.length, withOneCase: ids.length }), {
      timeoutMs: SETTLE_MS,
    });
    await eventually(async () => expect(await this.incidentsCounted()).toBe(ids.length + this.importedRows), { timeoutMs: SETTLE_MS });
    await eventually(async () => expect(await this.unpublishedOutboxRows()).toEqual({ intake: 0, investigation: 0, reporting: 0 }));
    expect(await this.deadLettered()).toBe(0);
    expect(this.statuses.get(500) ?? 0).toBe(0);
  }

  /** POST /incidents with an Idempotency-Key and verification, each tried again until it is accepted. */
  async reportAndVerify(): Promise<string> {
    const key = randomUUID();
    const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
    const body = JSON.stringify(reportIncidentBody({ countryCode: COUNTRY, occurredOn: `${YEAR}-${month}-${day}` }));
    const created = await this.patiently(() => this.send('/incidents', { method: 'POST', body, headers: { 'Idempotency-Key': key } }));
    const { id } = (await created.json()) as { id: string };
    await this.patiently(async () => {
      const response = await this.send(`/incidents/${id}/verify`, { method: 'POST' });
      // The verification committed but its answer was lost: asking again finds it verified.
      if (response.status === 409) {
        const current = await this.patiently(() => this.send(`/incidents/${id}`));
        if (((await current.json()) as { status: string }).status === 'verified') return current;
      }
      return response;
    });
    return id;
  }

  /** Milliseconds from verifications' answers to their cases being in the database, one incident at a time. */
  async caseLatencies(probes: number): Promise<number[]> {
    const latencies: number[] = [];
    for (let probe = 0; probe < probes; probe++) {
      const id = await this.reportAndVerify();
      const verifiedAt = performance.now();
      await eventually(async () => expect((await this.casesPerIncident([id])).withOneCase).toBe(1), { intervalMs: 5 });
      latencies.push(performance.now() - verifiedAt);
      this.verified.push(id);
    }
    return latencies;
  }

  async incidentsCounted(): Promise<number> {
    const reporting = [...this.instances].find(([name]) => name.startsWith('council-reporting'))![1];
    const response = await fetch(`${reporting.url}/statistics?country=${COUNTRY}&period=${YEAR}`, {
      headers: { Authorization: `Bearer ${this.admin}` },
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { totals: { incidents: number } }).totals.incidents;
  }

  /** Imports a synthetic AWSD file; an interrupted import (503) is sent again whole, which is safe. */
  private async importFile(rows: number): Promise<number> {
    const csv = this.syntheticExport(rows);
    const response = await this.patiently(() =>
      this.send('/incidents/imports', { method: 'POST', body: csv, headers: { 'Content-Type': 'text/csv' } }),
    );
    const result = (await response.json()) as { created: number; alreadyImported: number; failed: number };
    if (result.failed > 0) throw new Error(`import refused rows: ${JSON.stringify(result).slice(0, 500)}`);
    return result.created + result.alreadyImported;
  }

  private async send(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = { Authorization: `Bearer ${this.officer}`, 'Content-Type': 'application/json', ...init.headers };
    const intake = this.instances.get('incident-intake')!;
    const response = await fetch(`${intake.url}${path}`, { ...init, headers, signal: AbortSignal.timeout(60_000) });
    this.statuses.set(response.status, (this.statuses.get(response.status) ?? 0) + 1);
    return response;
  }

  /** Tries a request again on a refused connection or a 5xx, as a client should during an outage. */
  private async patiently(attempt: () => Promise<Response>): Promise<Response> {
    const deadline = Date.now() + CLIENT_PATIENCE_MS;
    for (let delay = 200; ; delay = Math.min(delay * 2, 2_000)) {
      const response = await attempt().catch((error: unknown) => error as Error);
      if (response instanceof Response && response.status < 500) {
        if (response.ok) return response;
        throw new Error(`${response.status}: ${await response.text()}`);
      }
      if (this.stopped || Date.now() > deadline) throw new Error(`still failing after ${CLIENT_PATIENCE_MS} ms: ${String(response)}`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }

  private async casesPerIncident(ids: string[]): Promise<{ incidents: number; withOneCase: number }> {
    const { rows } = await this.database.query<{ incidents: string; with_one_case: string }>(
      `SELECT count(*) AS incidents, count(*) FILTER (WHERE cases = 1) AS with_one_case
         FROM unnest($1::uuid[]) AS incident(id),
              LATERAL (SELECT count(*) AS cases FROM investigation.case_incident WHERE incident_id = incident.id) AS linked`,
      [ids],
    );
    return { incidents: Number(rows[0].incidents), withOneCase: Number(rows[0].with_one_case) };
  }

  private async unpublishedOutboxRows(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const schema of ['intake', 'investigation', 'reporting']) {
      const { rows } = await this.database.query<{ count: string }>(
        `SELECT count(*) FROM "${schema}".outbox WHERE published_at IS NULL AND discarded_at IS NULL`,
      );
      counts[schema] = Number(rows[0].count);
    }
    return counts;
  }

  private async deadLettered(): Promise<number> {
    const kafka = new KafkaConnection({
      clientId: 'faults-check',
      brokers: process.env.KAFKA_BROKERS!.split(','),
      credentials: toolKafkaCredentials(),
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      let total = 0;
      for (const topic of Object.values(Topics).filter(hasDeadLetterTopic).map(deadLetterTopicOf)) {
        for (const partition of await admin.fetchTopicOffsets(topic)) total += Number(partition.high) - Number(partition.low);
      }
      return total;
    } finally {
      await admin.disconnect();
      await kafka.close();
    }
  }

  /** AWSD rows built from the sample's first row, with fresh incident ids, in the suites' country and year. */
  private syntheticExport(rows: number): string {
    this.exportRows ??= parse(readFileSync(sharedDataFile('awsd-sample.csv'))) as string[][];
    const [header, template] = this.exportRows;
    const column = (name: string) => header.indexOf(name);
    const out = [header];
    for (let index = 0; index < rows; index++) {
      const row = [...template];
      row[column('Incident ID')] = String(this.nextAwsdId++);
      row[column('Year')] = String(YEAR);
      row[column('Country Code')] = COUNTRY;
      row[column('Country')] = 'Cameroon';
      out.push(row);
    }
    return stringify(out);
  }
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const summary = (values: number[]) => ({ median: Math.round(median(values)), max: Math.round(Math.max(...values)) });
