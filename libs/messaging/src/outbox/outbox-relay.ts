import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import { sending } from '#observability';
import { isConnectionError, type KafkaConnection } from '../kafka-connection.js';

export interface OutboxRelayOptions {
  schema: string;
  databaseUrl: string;
  /** Tells this relay's LISTEN connection apart in `pg_stat_activity` (`<schema>-outbox-relay-<instance>`). */
  instance?: string;
  /** Slow fallback when a notification is missed (e.g. while the listening connection is down). */
  pollIntervalMs?: number;
  batchSize?: number;
  /** Attempts at a row the broker refuses (unknown topic, too large) before it is parked. */
  maxAttempts?: number;
  /** First delay before retrying a failed pass or re-listening; doubles up to `maxRetryDelayMs`. */
  retryDelayMs?: number;
  maxRetryDelayMs?: number;
  onError?: (error: unknown) => void;
  /** Called once per parked row, after its transaction commits; the hook for an alert or a metric. */
  onParked?: (row: ParkedRow) => void;
  /** Called with the rows a pass published, after its transaction commits; the hook for metrics. */
  onPublished?: (rows: PublishedRow[]) => void;
}

/** What is said of a published row: its topic and event type, no ids. */
export type PublishedRow = Pick<OutboxRow, 'topic' | 'type'>;

/** A row the relay gave up on: it stays unpublished and holds its aggregate's later rows. */
export interface ParkedRow {
  schema: string;
  id: string;
  aggregatetype: string;
  aggregateid: string;
  type: string;
  topic: string;
  attempts: number;
  reason: string;
}

/** What readiness reports of the relay. */
export interface OutboxRelayStatus {
  running: boolean;
  /** The LISTEN connection is up, so commits wake the relay; otherwise it polls. */
  listening: boolean;
  /** The last pass reached Kafka; false while an outage keeps rows from being published. */
  publishing: boolean;
  lastError?: string;
  since: Date;
}

interface OutboxRow {
  id: string;
  aggregatetype: string;
  aggregateid: string;
  type: string;
  topic: string;
  payload: unknown;
  headers: Record<string, string>;
}

interface BatchOutcome {
  selected: number;
  published: PublishedRow[];
  /** Rows the broker refused this pass: they and their aggregates' later rows wait for a retry. */
  refused: number;
  parked: ParkedRow[];
}

/** Broker answers that concern one message, not the broker: retrying the same row cannot help forever. */
const REFUSALS = new Set([
  'UNKNOWN_TOPIC_OR_PARTITION',
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_TOPIC_EXCEPTION',
  'TOPIC_AUTHORIZATION_FAILED',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
]);

/**
 * Publishes committed outbox rows in `position` order and marks them published. Woken by
 * LISTEN/NOTIFY on commit, with slow polling as a fallback; the listening connection is
 * re-established with backoff after a restart or a network cut. Safe with several instances:
 * a transaction-scoped advisory lock lets one relay per schema publish at a time, so
 * instances cannot interleave one aggregate's events. Delivery is at least once (a crash
 * between send and commit resends); consumers deduplicate by event id.
 *
 * A row the broker refuses is retried `maxAttempts` times, then parked with the reason:
 * other aggregates go on, the same aggregate's later rows wait for `npm run outbox`.
 */
export class OutboxRelay {
  private readonly lockKey: string;
  private listener?: pg.Client;
  private timer?: NodeJS.Timeout;
  private retryTimer?: NodeJS.Timeout;
  private relistenTimer?: NodeJS.Timeout;
  private publishFailures = 0;
  private listenFailures = 0;
  private running = false;
  private draining?: Promise<void>;
  private wakeAgain = false;
  private state: OutboxRelayStatus = { running: false, listening: false, publishing: true, since: new Date() };

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly options: OutboxRelayOptions,
  ) {
    // Advisory locks take a bigint; derive a stable one from the schema name.
    this.lockKey = BigInt.asIntN(
      64,
      BigInt('0x' + createHash('sha256').update(`outbox:${options.schema}`).digest('hex').slice(0, 16)),
    ).toString();
  }

  async start(): Promise<void> {
    this.running = true;
    this.update({ running: true });
    await this.listen();
    this.schedulePoll();
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.update({ running: false });
    for (const timer of [this.timer, this.retryTimer, this.relistenTimer]) clearTimeout(timer);
    await this.draining;
    const listener = this.listener;
    this.listener = undefined;
    await listener?.end().catch(() => undefined);
  }

  status(): OutboxRelayStatus {
    return { ...this.state };
  }

  /** Publishes everything pending now; resolves when the outbox is drained (used by start-up and tests). */
  wake(): Promise<void> {
    if (this.draining) {
      this.wakeAgain = true;
      return this.draining;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.wakeAgain && this.running) {
        this.wakeAgain = false;
        void this.wake();
      }
    });
    return this.draining;
  }

  private async drain(): Promise<void> {
    const batchSize = this.options.batchSize ?? 200;
    try {
      for (;;) {
        const outcome = await this.publishBatch();
        this.update({ publishing: true, lastError: undefined });
        if (outcome.published.length > 0) this.options.onPublished?.(outcome.published);
        for (const parked of outcome.parked) this.options.onParked?.(parked);
        if (outcome.refused > outcome.parked.length) {
          this.scheduleRetry();
          return;
        }
        this.publishFailures = 0;
        if (outcome.selected < batchSize) return;
      }
    } catch (error) {
      this.update({ publishing: false, lastError: error instanceof Error ? error.message : String(error) });
      this.options.onError?.(error);
      this.scheduleRetry();
    }
  }

  /**
   * One transaction: lock, read a batch in order, send it, mark it published. If the broker
   * refuses the batch, rows are sent one by one to find the refused ones; an outage throws.
   */
  async publishBatch(): Promise<BatchOutcome> {
    const batchSize = this.options.batchSize ?? 200;
    const schema = this.options.schema;
    let outage: unknown;
    const outcome = await this.dataSource.transaction(async (manager): Promise<BatchOutcome> => {
      const outcome: BatchOutcome = { selected: 0, published: [], refused: 0, parked: [] };
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [this.lockKey]);
      if (!locked) return outcome;
      // A parked row holds the later rows of its aggregate: order per key outranks progress.
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, aggregatetype, aggregateid, type, topic, payload, headers FROM "${schema}".outbox o
         WHERE published_at IS NULL AND parked_at IS NULL
           AND NOT EXISTS (
             SELECT 1 FROM "${schema}".outbox held
             WHERE held.aggregatetype = o.aggregatetype AND held.aggregateid = o.aggregateid
               AND held.parked_at IS NOT NULL AND held.discarded_at IS NULL AND held.published_at IS NULL)
         ORDER BY position LIMIT $1`,
        [batchSize],
      );
      outcome.selected = rows.length;
      if (rows.length === 0) return outcome;
      try {
        await this.send(rows);
        await this.markPublished(manager, rows);
        outcome.published = rows;
        return outcome;
      } catch (error) {
        if (isConnectionError(error)) throw error;
      }
      const blocked = new Set<string>();
      const refusals: { row: OutboxRow; reason: string; known: boolean }[] = [];
      for (const row of rows) {
        const key = `${row.aggregatetype}/${row.aggregateid}`;
        if (blocked.has(key)) continue;
        try {
          await this.send([row]);
          await this.markPublished(manager, [row]);
          outcome.published.push(row);
        } catch (error) {
          if (isConnectionError(error)) {
            outage = error;
            break;
          }
          blocked.add(key);
          refusals.push({ row, reason: describe(error), known: refusalOf(error) !== undefined });
        }
      }
      // An unknown error on every row looks like the broker, not the rows: count no attempt.
      if (outage === undefined && outcome.published.length === 0 && refusals.every((refusal) => !refusal.known)) {
        outage = new Error(refusals[0]?.reason ?? 'the broker refused every row');
        return outcome;
      }
      for (const { row, reason } of refusals) {
        outcome.refused++;
        const parked = await this.recordRefusal(manager, row, reason);
        if (parked) outcome.parked.push(parked);
      }
      return outcome;
    });
    if (outage !== undefined) throw outage;
    return outcome;
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    await sending(rows, () => this.kafka.sendBatch({ acks: -1, topicMessages: groupByTopic(rows) }));
  }

  private async markPublished(manager: EntityManager, rows: OutboxRow[]): Promise<void> {
    await manager.query(`UPDATE "${this.options.schema}".outbox SET published_at = now() WHERE id = ANY($1::uuid[])`, [
      rows.map((row) => row.id),
    ]);
  }

  private async recordRefusal(manager: EntityManager, row: OutboxRow, reason: string): Promise<ParkedRow | undefined> {
    // TypeORM answers an UPDATE with [rows, count].
    const [[updated]]: [{ publish_attempts: number; parked: boolean }[], number] = await manager.query(
      `UPDATE "${this.options.schema}".outbox
       SET publish_attempts = publish_attempts + 1, last_error = $2,
           parked_at = CASE WHEN publish_attempts + 1 >= $3 THEN now() END,
           parked_reason = CASE WHEN publish_attempts + 1 >= $3 THEN $2 END
       WHERE id = $1
       RETURNING publish_attempts, parked_at IS NOT NULL AS parked`,
      [row.id, reason, this.options.maxAttempts ?? 5],
    );
    if (!updated?.parked) return undefined;
    const { id, aggregatetype, aggregateid, type, topic } = row;
    return { schema: this.options.schema, id, aggregatetype, aggregateid, type, topic, attempts: updated.publish_attempts, reason };
  }

  private async listen(): Promise<void> {
    if (!this.running || this.listener) return;
    const client = new pg.Client({
      connectionString: this.options.databaseUrl,
      application_name: [`${this.options.schema}-outbox-relay`, this.options.instance].filter(Boolean).join('-'),
    });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (this.listener === client) this.listener = undefined;
      this.update({ listening: false });
      if (error && this.running) this.options.onError?.(error);
      void client.end().catch(() => undefined);
      this.scheduleRelisten();
    };
    client.on('notification', () => void this.wake());
    client.on('error', onLost);
    client.on('end', () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN "${this.options.schema}_outbox"`);
    } catch (error) {
      onLost(error instanceof Error ? error : new Error(String(error)));
      return;
    }
    if (!this.running) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.listenFailures = 0;
    this.update({ listening: true });
  }

  /** Re-arms LISTEN with backoff, then drains what was committed while no notification could arrive. */
  private scheduleRelisten(): void {
    if (!this.running || this.relistenTimer) return;
    const delay = this.backoff(this.listenFailures++);
    this.relistenTimer = setTimeout(() => {
      this.relistenTimer = undefined;
      void this.listen().then(() => {
        if (this.listener) void this.wake();
      });
    }, delay);
    this.relistenTimer.unref();
  }

  private scheduleRetry(): void {
    if (!this.running || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      void this.wake();
    }, this.backoff(this.publishFailures++));
    this.retryTimer.unref();
  }

  private backoff(failures: number): number {
    const first = this.options.retryDelayMs ?? 500;
    return Math.min(first * 2 ** Math.min(failures, 16), this.options.maxRetryDelayMs ?? 30000);
  }

  private schedulePoll(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.wake().finally(() => this.schedulePoll());
    }, this.options.pollIntervalMs ?? 5000);
    this.timer.unref();
  }

  private update(change: Partial<OutboxRelayStatus>): void {
    const next = { ...this.state, ...change };
    const changed = (Object.keys(change) as (keyof OutboxRelayStatus)[]).some((key) => this.state[key] !== next[key]);
    this.state = changed ? { ...next, since: new Date() } : next;
  }
}

/** Keeps the rows' order within each topic; kafkajs keeps it within each partition. */
function groupByTopic(rows: OutboxRow[]) {
  const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.aggregateid, value: JSON.stringify(row.payload), headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

function refusalOf(error: unknown): string | undefined {
  for (let current = error as { type?: string; originalError?: unknown; cause?: unknown } | undefined; current;) {
    if (current.type && REFUSALS.has(current.type)) return current.type;
    current = (current.originalError ?? current.cause) as typeof current;
  }
  return undefined;
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const refusal = refusalOf(error);
  return (refusal && !message.includes(refusal) ? `${refusal}: ${message}` : message).slice(0, 2000);
}
