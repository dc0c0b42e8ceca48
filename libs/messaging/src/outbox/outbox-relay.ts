import { createHash } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { KafkaConnection } from '../kafka-connection.js';

export interface OutboxRelayOptions {
  schema: string;
  databaseUrl: string;
  /** Slow fallback when a notification is missed (e.g. the listening connection dropped). */
  pollIntervalMs?: number;
  batchSize?: number;
  onError?: (error: unknown) => void;
}

interface OutboxRow {
  id: string;
  aggregateid: string;
  topic: string;
  payload: unknown;
  headers: Record<string, string>;
}

/**
 * Publishes committed outbox rows in `position` order and marks them published. Woken by
 * LISTEN/NOTIFY on commit, with slow polling as a fallback. Safe with several instances:
 * a transaction-scoped advisory lock lets one relay per schema publish at a time, so
 * instances cannot interleave one aggregate's events. Delivery is at least once (a crash
 * between send and commit resends); consumers deduplicate by event id.
 */
export class OutboxRelay {
  private readonly lockKey: string;
  private listener?: pg.Client;
  private timer?: NodeJS.Timeout;
  private running = false;
  private draining?: Promise<void>;
  private wakeAgain = false;

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
    await this.listen();
    this.schedulePoll();
    this.wake();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
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
    try {
      while ((await this.publishBatch()) === (this.options.batchSize ?? 200)) {
        // a full batch: there may be more
      }
    } catch (error) {
      this.options.onError?.(error);
    }
  }

  /** One transaction: lock, read a batch in order, send it, mark it published. */
  async publishBatch(): Promise<number> {
    const batchSize = this.options.batchSize ?? 200;
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [this.lockKey]);
      if (!locked) return 0;
      const rows: OutboxRow[] = await manager.query(
        `SELECT id, aggregateid, topic, payload, headers FROM "${this.options.schema}".outbox
         WHERE published_at IS NULL ORDER BY position LIMIT $1`,
        [batchSize],
      );
      if (rows.length === 0) return 0;
      const producer = await this.kafka.producer();
      await producer.sendBatch({
        acks: -1,
        topicMessages: groupByTopic(rows),
      });
      await manager.query(`UPDATE "${this.options.schema}".outbox SET published_at = now() WHERE id = ANY($1::uuid[])`, [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  private async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl, application_name: `${this.options.schema}-outbox-relay` });
    client.on('notification', () => void this.wake());
    client.on('error', (error) => {
      // Polling keeps publishing; the next start re-listens.
      this.options.onError?.(error);
      this.listener = undefined;
    });
    await client.connect();
    await client.query(`LISTEN "${this.options.schema}_outbox"`);
    this.listener = client;
  }

  private schedulePoll(): void {
    if (!this.running) return;
    this.timer = setTimeout(() => {
      void this.wake().finally(() => this.schedulePoll());
    }, this.options.pollIntervalMs ?? 5000);
    this.timer.unref();
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
