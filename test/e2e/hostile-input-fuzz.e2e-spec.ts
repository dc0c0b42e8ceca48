import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { SurvivorSupportKinds } from '#contracts';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { openTestDataSource } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { fuzzSettings, operationSeed } from '../support/fuzz/fuzz-settings.js';
import { hostileRequests, type HostileRequest, type OperationContext } from '../support/fuzz/hostile-requests.js';
import { fetchOpenApi, operationsOf, type OpenApiDocument, type Operation } from '../support/fuzz/openapi.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';

// Schema-driven hostile input (issue 7): requests built from each service's OpenAPI document,
// every one broken on purpose, must get a 4xx with the one error body and write nothing.

const ORG = 'org-fuzz';
// No other test reports incidents in the Seychelles, so the records here are this file's own.
const COUNTRY = 'SC';
const settings = fuzzSettings();
const officer = tokenFor('officer', ORG, 'officer-fuzz');
const admin = tokenFor('admin', ORG, 'admin-fuzz');
const reportingStaff = tokenFor('reporting', ORG, 'reporting-fuzz');
const unlimited = { RATE_LIMIT_PER_MINUTE: '10000000', RATE_LIMIT_PER_IP_PER_MINUTE: '10000000' };
/** Past the 256 kB JSON body limit, and past the import limit this test sets. */
const JSON_OVERSIZE = 300_000;
const IMPORT_MAX_BYTES = 65_536;

const COUNTED_TABLES = ['intake.incident', 'intake.outbox', 'investigation."case"', 'investigation.outbox', 'reporting.incident_summary'];
const COUNT_ROWS = `SELECT ${COUNTED_TABLES.map((table, index) => `(SELECT count(*) FROM ${table})::int AS "${index}"`).join(', ')}`;

interface Read {
  etag: string;
  body: unknown;
}

interface AimedAt {
  incident: Read;
  incidentProtected: Read;
  case: Read;
  caseProtected: Read;
}

interface Outcome {
  requests: number;
  statuses: Record<number, number>;
  failures: string[];
}

describe(`hostile input generated from the OpenAPI documents (seed ${settings.seed}, ${settings.runs} requests per operation)`, () => {
  let intake: RunningService;
  let investigation: RunningService;
  let council: RunningService;
  let data: DataSource;
  let incidentId: string;
  let caseId: string;
  let rows: number[];
  let current: AimedAt;
  const outcome: Outcome = { requests: 0, statuses: {}, failures: [] };
  const started = Date.now();

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function countRows(): Promise<number[]> {
    const [counts] = await data.query(COUNT_ROWS);
    return COUNTED_TABLES.map((_table, index) => counts[String(index)] as number);
  }

  /** What the fuzz aims at: the incident and the case with their protected data. Nothing may change them. */
  async function records(): Promise<AimedAt> {
    const read = async (url: string, path: string) => {
      const response = await request(url).get(path).set(as(officer)).expect(200);
      return { etag: response.headers.etag, body: response.body };
    };
    return {
      incident: await read(intake.url, `/incidents/${incidentId}`),
      incidentProtected: await read(intake.url, `/incidents/${incidentId}/protected-data`),
      case: await read(investigation.url, `/cases/${caseId}`),
      caseProtected: await read(investigation.url, `/cases/${caseId}/protected-data`),
    };
  }

  /** The row counts once they have not changed for `quietMs`. */
  async function settledRows(quietMs = 2000): Promise<number[]> {
    let previous = await countRows();
    let stableSince = Date.now();
    return eventually(
      async () => {
        const now = await countRows();
        if (now.join() !== previous.join()) [previous, stableSince] = [now, Date.now()];
        if (Date.now() - stableSince < quietMs)
          throw new Error(`rows still change: ${COUNTED_TABLES.map((table, i) => `${table} ${now[i]}`).join(', ')}`);
        return now;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
  }

  beforeAll(async () => {
    [intake, council] = await Promise.all([
      startService('incident-intake', { ...unlimited, IMPORT_MAX_BYTES: String(IMPORT_MAX_BYTES) }),
      startService('council-reporting', unlimited),
    ]);
    investigation = await startService('investigation-tracking', {
      ...unlimited,
      INCIDENT_INTAKE_URL: intake.url,
      // The overdue scan writes outbox rows for other tests' cases; it would be taken for a write of the fuzz.
      OVERDUE_SCAN_INTERVAL_MS: String(24 * 3600 * 1000),
    });
    data = await openTestDataSource('intake');

    // People killed, verified: a case opens by policy (see investigation-chain.e2e-spec.ts).
    const reported = await request(intake.url)
      .post('/incidents')
      .set(as(officer))
      .send({
        ...reportIncidentBody({ countryCode: COUNTRY }),
        protected: { perpetratorName: 'Commander Fuzzwell', victims: [{ name: 'Ada Fuzzington', harm: 'killed', status: 'national' }] },
      })
      .expect(201);
    incidentId = reported.body.id;
    await request(intake.url).post(`/incidents/${incidentId}/verify`).set(as(officer)).expect(200);
    caseId = await eventually(async () => {
      const found = await request(investigation.url).get('/cases').query({ incidentId }).set(as(officer)).expect(200);
      expect(found.body.items).toHaveLength(1);
      return found.body.items[0].id as string;
    });
    await request(investigation.url)
      .put(`/cases/${caseId}/protected-data`)
      .set(as(officer))
      .send({ survivors: [{ name: 'Ada Fuzzington', supportKinds: ['legal_aid'] }], accused: [{ name: 'Commander Fuzzwell' }] })
      .expect(204);

    // Consumers may still be catching up on events of earlier test files: start from still tables.
    rows = await settledRows(3000);
  });

  afterAll(async () => {
    const statuses = Object.entries(outcome.statuses)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
    console.log(
      `hostile input fuzz, seed ${settings.seed}, ${settings.runs} runs per operation: ${outcome.requests} requests in ` +
        `${Math.round((Date.now() - started) / 1000)} s, ${outcome.failures.length} operations failing (${statuses})`,
    );
    await data?.destroy();
    await Promise.all([intake, investigation, council].filter(Boolean).map((service) => service.stop()));
  });

  /** Sends one request; answers what is wrong with the answer, or undefined. */
  async function check(baseUrl: string, token: string, operation: Operation, hostile: HostileRequest): Promise<string | undefined> {
    const response = await fetch(`${baseUrl}${hostile.target}`, {
      method: hostile.method,
      headers: { ...as(token), ...hostile.headers },
      // Bytes, so that fetch adds no Content-Type of its own.
      body: hostile.body === undefined ? undefined : new TextEncoder().encode(hostile.body),
      redirect: 'manual',
      signal: AbortSignal.timeout(30_000),
    });
    const text = await response.text();
    outcome.requests += 1;
    outcome.statuses[response.status] = (outcome.statuses[response.status] ?? 0) + 1;

    const now = await countRows();
    const written = COUNTED_TABLES.filter((_table, index) => now[index] !== rows[index]).map(
      (table) => `${table} ${rows[COUNTED_TABLES.indexOf(table)]} → ${now[COUNTED_TABLES.indexOf(table)]}`,
    );
    rows = now;
    const answer = answerProblem(operation, response.status, text);
    if (written.length > 0 || (answer && response.status < 300 && hostile.method !== 'GET')) {
      // An accepted write may go on writing (a consumer, a projection): let it finish, so that its
      // rows are charged to it and not to the requests after it, and aim If-Match at the new version.
      rows = await settledRows();
      current = await records();
    }
    const problems = [answer, written.length > 0 ? `rows written: ${written.join(', ')}` : undefined];
    const found = problems.filter(Boolean);
    return found.length > 0 ? `${found.join('; ')}\n  answer: ${abbreviate(text, 400)}` : undefined;
  }

  async function fuzz(baseUrl: string, document: OpenApiDocument, pathValues: (operation: Operation) => Record<string, string>) {
    const staticSegments = [
      ...new Set(Object.keys(document.paths).flatMap((path) => path.split('/').filter((part) => part && !part.startsWith('{')))),
    ];
    const operations = operationsOf(document).filter((operation) => !settings.only || operation.key.includes(settings.only));
    // FUZZ_ONLY may name an operation of another service.
    if (!settings.only) expect(operations.length).toBeGreaterThan(0);
    const before = await records();
    current = before;
    for (const operation of operations) {
      const context: OperationContext = {
        pathValues: pathValues(operation),
        etag: () => (operation.path.startsWith('/cases') ? current.case.etag : current.incident.etag),
        validBody: operation.key === 'POST /incidents' ? reportIncidentBody({ countryCode: COUNTRY }) : undefined,
        staticSegments,
        oversizeBytes: operation.body && operation.body.mediaType !== 'application/json' ? IMPORT_MAX_BYTES + 1024 : JSON_OVERSIZE,
      };
      const requests = hostileRequests(operation, context);
      if (!requests) continue;
      // Each operation as a role it admits, so that the request reaches its validation.
      const token = operation.path.startsWith('/audit') ? admin : operation.path.startsWith('/reports') ? reportingStaff : officer;
      const seed = operationSeed(settings.seed, operation.key);
      try {
        await fc.assert(
          fc.asyncProperty(requests, async (hostile) => {
            const problem = await check(baseUrl, token, operation, hostile);
            if (problem) throw new Error(`${describeRequest(hostile)}\n  ${problem}`);
          }),
          { seed, numRuns: settings.runs, verbose: 0 },
        );
      } catch (error) {
        outcome.failures.push(
          `${operation.key} (replay: FUZZ_SEED=${settings.seed} FUZZ_RUNS=${settings.runs} FUZZ_ONLY='${operation.key}')\n` +
            abbreviate(failureReport(error), 3000),
        );
      }
    }
    return before;
  }

  const timeout = 120_000 + settings.runs * 40 * 60;

  it(
    'incident-intake answers every broken request with a 4xx and the error body, and writes nothing',
    async () => {
      const document = await fetchOpenApi(intake.url);
      const failuresBefore = outcome.failures.length;
      const before = await fuzz(intake.url, document, () => ({ id: incidentId }));
      expect(outcome.failures.slice(failuresBefore)).toEqual([]);
      expect(await records()).toEqual(before);
    },
    timeout,
  );

  it(
    'investigation-tracking answers every broken request with a 4xx and the error body, and writes nothing',
    async () => {
      const document = await fetchOpenApi(investigation.url);
      const failuresBefore = outcome.failures.length;
      const before = await fuzz(investigation.url, document, (operation) =>
        Object.fromEntries(
          operation.pathParameters.map(({ name }) => {
            const real: Record<string, string> = { id: caseId, incidentId, stateCode: COUNTRY, kind: SurvivorSupportKinds[0] };
            // Referrals, prosecutions, support and evidence items the case does not have: the body is checked first.
            return [name, real[name] ?? randomUUID()];
          }),
        ),
      );
      expect(outcome.failures.slice(failuresBefore)).toEqual([]);
      expect(await records()).toEqual(before);
    },
    timeout,
  );

  it(
    'council-reporting answers every broken request with a 4xx and the error body, and writes nothing',
    async () => {
      const document = await fetchOpenApi(council.url);
      const failuresBefore = outcome.failures.length;
      const report = await fetch(`${council.url}/reports`, {
        method: 'POST',
        headers: { ...as(reportingStaff), 'Content-Type': 'application/json' },
        body: JSON.stringify({ period: '2026', scope: 'all' }),
      });
      expect(report.status).toBe(202);
      const { id } = (await report.json()) as { id: string };
      await fuzz(council.url, document, () => ({ id }));
      expect(outcome.failures.slice(failuresBefore)).toEqual([]);
    },
    timeout,
  );
});

const ERROR_BODY_KEYS = ['statusCode', 'error', 'message', 'details'];

/** What is wrong with the answer to a request every correct service refuses. */
function answerProblem(operation: Operation, status: number, text: string): string | undefined {
  if (status >= 500) return `answered ${status}`;
  if (status >= 200 && status < 300 && isRowReport(operation, text)) return undefined;
  if (status < 400) return `accepted it with ${status}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `answered ${status} with a body that is not JSON`;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return `answered ${status} with a body that is no object`;
  const fields = body as Record<string, unknown>;
  const unexpected = Object.keys(fields).filter((key) => !ERROR_BODY_KEYS.includes(key));
  if (unexpected.length > 0)
    return `answered ${status} with fields outside { statusCode, error, message, details? }: ${unexpected.join(', ')}`;
  if (fields.statusCode !== status) return `answered ${status} with statusCode ${JSON.stringify(fields.statusCode)}`;
  if (typeof fields.error !== 'string' || fields.error === '') return `answered ${status} without an error name`;
  if (typeof fields.message !== 'string' || fields.message === '') return `answered ${status} without a message`;
  const details = fields.details;
  const wellFormed = (detail: unknown) => {
    const { field, problems } = (detail ?? {}) as { field?: unknown; problems?: unknown };
    return typeof field === 'string' && Array.isArray(problems) && problems.every((problem) => typeof problem === 'string');
  };
  if (details !== undefined && !(Array.isArray(details) && details.every(wellFormed))) return `answered ${status} with malformed details`;
  return undefined;
}

/**
 * The CSV import answers 200 with a report of the rows it refused (its documented contract):
 * that is no acceptance as long as it created nothing. The row count checks the rest.
 */
function isRowReport(operation: Operation, text: string): boolean {
  if (operation.body?.mediaType !== 'text/csv') return false;
  try {
    const report = JSON.parse(text) as { created?: unknown; failed?: unknown };
    return report.created === 0 && typeof report.failed === 'number';
  } catch {
    return false;
  }
}

function describeRequest(hostile: HostileRequest): string {
  const headers = Object.entries(hostile.headers)
    .map(([name, value]) => `${name}: ${abbreviate(value, 80)}`)
    .join(', ');
  const body = hostile.body === undefined ? 'no body' : `body ${abbreviate(hostile.body, 300)}`;
  return `${hostile.method} ${abbreviate(hostile.target, 200)} [${headers}] ${body}\n  broken: ${hostile.broken.join('; ')}`;
}

/**
 * fast-check's report (seed, path, shrinks) with the shrunk request as the property described
 * it, instead of the counterexample printed whole (bodies of 300 kB).
 */
function failureReport(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const summary = error.message
    .replace(/\nCounterexample: [\s\S]*?\nShrunk/, '\nShrunk')
    .replace(/\n+Hint: [\s\S]*$/, '')
    .trim();
  return error.cause instanceof Error ? `${summary}\n${error.cause.message}` : summary;
}

function abbreviate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}… (${text.length} characters)` : text;
}
