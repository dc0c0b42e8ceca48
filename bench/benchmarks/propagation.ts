// How long an event takes to travel: an incident to its case.opened and its statistics figure,
// against a bare kafkajs produce → consume round trip plus one PostgreSQL commit.
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { Topics } from '#contracts';
import { benchKafka, benchToken, type BenchService } from '../support/bench-system.js';
import { until } from '../support/until.js';
import { postIncident, verifyIncident } from './write-path.js';

const admin = benchToken('admin', 'org-bench-admin');

/** Every case.opened on the cases topic, by incident, with the instant the bench read it. */
export class CaseOpenedWatcher {
  readonly seen = new Map<string, number>();
  private readonly kafka = benchKafka('bench-case-watcher');
  private readonly consumer = this.kafka.consumer({ groupId: `bench-case-watcher-${randomUUID()}` });

  static async open(): Promise<CaseOpenedWatcher> {
    const watcher = new CaseOpenedWatcher();
    await watcher.consumer.connect();
    await watcher.consumer.subscribe({ topics: [Topics.cases], fromBeginning: true });
    await watcher.consumer.run({
      eachMessage: async ({ message }) => {
        if (message.headers?.ce_type?.toString() !== 'accountability.case.opened.v1') return;
        const { incidentId } = JSON.parse(message.value!.toString()) as { incidentId: string };
        if (!watcher.seen.has(incidentId)) watcher.seen.set(incidentId, Date.now());
      },
    });
    return watcher;
  }

  async close(): Promise<void> {
    await this.kafka.close();
  }
}

async function incidentsCounted(reporting: BenchService, country: string, year: number): Promise<number> {
  const response = await fetch(`${reporting.url}/statistics?country=${country}&period=${year}`, {
    headers: { Authorization: `Bearer ${admin}` },
  });
  if (!response.ok) throw new Error(`GET /statistics answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { totals: { incidents: number } }).totals.incidents;
}

/**
 * One probe on an idle system: POST an incident and verify it, then wait until its case.opened
 * is on the topic and it counts in GET /statistics. Milliseconds from the POST to both.
 */
export async function propagationProbe(
  intake: BenchService,
  reporting: BenchService,
  watcher: CaseOpenedWatcher,
  country: string,
  year: number,
): Promise<number> {
  const before = await incidentsCounted(reporting, country, year);
  const started = Date.now();
  const id = await postIncident(intake, country, year);
  await verifyIncident(intake, id);
  await Promise.all([
    until(() => watcher.seen.has(id), 60_000, `case.opened of ${id}`),
    until(async () => (await incidentsCounted(reporting, country, year)) > before, 60_000, `statistics of ${id}`),
  ]);
  return Date.now() - started;
}

/** The raw round trip: produce one message, consume it with kafkajs and commit one row to PostgreSQL. */
export class RawRoundTrip {
  private readonly kafka = benchKafka('bench-round-trip');
  private readonly consumer = this.kafka.consumer({ groupId: `bench-round-trip-${randomUUID()}` });
  private readonly topic = `bench.round-trip.${randomUUID()}`;
  private readonly committed = new Map<string, () => void>();

  private constructor(private readonly pool: pg.Pool) {}

  static async open(pool: pg.Pool): Promise<RawRoundTrip> {
    const trip = new RawRoundTrip(pool);
    await pool.query('CREATE TABLE IF NOT EXISTS public.bench_round_trip (id uuid PRIMARY KEY, received_at timestamptz NOT NULL)');
    const admin = trip.kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: trip.topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    await trip.consumer.connect();
    await trip.consumer.subscribe({ topics: [trip.topic], fromBeginning: true });
    await trip.consumer.run({
      eachMessage: async ({ message }) => {
        const id = message.value!.toString();
        await pool.query('INSERT INTO public.bench_round_trip (id, received_at) VALUES ($1, now())', [id]);
        trip.committed.get(id)?.();
      },
    });
    return trip;
  }

  async once(): Promise<number> {
    const id = randomUUID();
    const started = Date.now();
    const done = new Promise<void>((resolve) => this.committed.set(id, resolve));
    await this.kafka.sendBatch({ topicMessages: [{ topic: this.topic, messages: [{ key: id, value: id }] }] });
    await done;
    this.committed.delete(id);
    return Date.now() - started;
  }

  async close(): Promise<void> {
    await this.kafka.close();
    await this.pool.query('DROP TABLE IF EXISTS public.bench_round_trip');
  }
}

export interface LagResult {
  lagsMs: number[];
  /** Milliseconds from the import's answer until council-reporting has projected every incident it created. */
  drainMs: number;
}

/**
 * The lag of case.opened while `load` (an import) runs: officers keep reporting and verifying
 * incidents, a few a second, and each one's lag runs from its verification's answer to its
 * case.opened on the topic. Then waits for the import's own events to drain into the projections.
 */
export async function caseOpenedLagDuring(
  intake: BenchService,
  pool: pg.Pool,
  watcher: CaseOpenedWatcher,
  load: Promise<{ startedAt: number; endedAt: number }>,
  drainTimeoutMs: number,
): Promise<LagResult> {
  let loading = true;
  const window = load.finally(() => (loading = false));
  const verifiedAt = new Map<string, number>();
  while (loading) {
    const id = await postIncident(intake, 'GH', 2017);
    await verifyIncident(intake, id);
    verifiedAt.set(id, Date.now());
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const { startedAt, endedAt } = await window;
  await until(() => [...verifiedAt.keys()].every((id) => watcher.seen.has(id)), drainTimeoutMs, `case.opened of ${verifiedAt.size} probes`);
  await until(
    async () => {
      const { rows } = await pool.query<{ behind: number }>(
        `SELECT count(*)::int AS behind FROM intake.outbox o
          WHERE o.created_at >= to_timestamp($1 / 1000.0) AND o.type = 'accountability.incident.reported.v1'
            AND NOT EXISTS (SELECT 1 FROM reporting.incident_summary r WHERE r.incident_id::text = o.aggregateid)`,
        [startedAt],
      );
      return rows[0].behind === 0;
    },
    drainTimeoutMs,
    "the import's incidents in the projections",
  );
  return { lagsMs: [...verifiedAt].map(([id, at]) => watcher.seen.get(id)! - at), drainMs: Date.now() - endedAt };
}
