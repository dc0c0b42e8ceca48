import kafkajs from 'kafkajs';
import type { DataSource, QueryRunner } from 'typeorm';
import type { Clock } from '#domain';
import type { KafkaConnection } from '../kafka-connection.js';

// kafkajs is CommonJS, and Node finds only some of its exports by name.
const { ConfigResourceTypes } = kafkajs;

const DayMs = 24 * 3600 * 1000;

export interface MessagingRetentionOptions {
  /** The service schema holding the outbox and inbox. */
  schema: string;
  /** Published outbox rows are deleted this many days after they were published. */
  outboxRetentionDays: number;
  /** Inbox rows may be deleted this many days after processing; 0 keeps them forever. */
  inboxRetentionDays: number;
  /** Topics whose events can reach the inbox again (event topics and their DLQs): the inbox outlives them. */
  topics: readonly string[];
  /** Rows deleted per statement, so no statement holds many row locks for long; 1000 by default. */
  batchSize?: number;
  log?: (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra?: Record<string, unknown>) => void;
}

export interface RetentionResult {
  /** Published outbox rows deleted (or, dry, that would be). */
  outbox: number;
  /** Inbox rows deleted (or, dry, that would be). */
  inbox: number;
  /** Inbox rows processed before this are pruned; absent when the inbox is kept whole. */
  inboxCutoff?: Date;
  /** True when another instance held the schema's retention lock and this run did nothing. */
  skipped: boolean;
}

/**
 * Deletes published outbox rows and old inbox rows of one service schema, in batches.
 * Unpublished rows, parked rows and discarded ones (published_at null) are never touched.
 * One run per schema at a time: a session advisory lock, not taken, means another instance
 * is at it and this one skips.
 *
 * The inbox rule: an inbox row absorbs a redelivery only while it exists, and a redelivery
 * is possible as long as the broker still holds the message (a consumer reset, a read-model
 * rebuild, a DLQ replay). Kafka deletes a log segment once its newest message is older than
 * `retention.ms`, so a message can outlive `retention.ms` by up to `segment.ms`. The inbox age
 * is therefore never less than the longest `retention.ms + segment.ms` of the topics, read
 * from the broker at each run; a topic kept forever (`retention.ms=-1`, our event topics)
 * keeps the inbox forever, and so does a broker that cannot be asked. A shorter configured age
 * is raised to that floor and a log line says so.
 */
export class MessagingRetention {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly options: MessagingRetentionOptions,
  ) {}

  async run(clock: Clock, dryRun = false): Promise<RetentionResult> {
    const { schema } = this.options;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }]: { locked: boolean }[] = await runner.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS locked`, [
        `retention:${schema}`,
      ]);
      if (!locked) {
        this.options.log?.('info', 'retention skipped: another instance is pruning this schema', { schema });
        return { outbox: 0, inbox: 0, skipped: true };
      }
      try {
        const now = clock.now().getTime();
        const outbox = await this.prune(
          runner,
          'outbox',
          'published_at IS NOT NULL AND published_at < $1',
          new Date(now - this.options.outboxRetentionDays * DayMs),
          dryRun,
        );
        const inboxAgeMs = await this.inboxAgeMs();
        const inboxCutoff = Number.isFinite(inboxAgeMs) ? new Date(now - inboxAgeMs) : undefined;
        const inbox = inboxCutoff ? await this.prune(runner, 'inbox', 'processed_at < $1', inboxCutoff, dryRun) : 0;
        this.options.log?.('info', dryRun ? 'retention dry run' : 'retention run', { schema, outbox, inbox, inboxCutoff });
        return { outbox, inbox, inboxCutoff, skipped: false };
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtext($1))`, [`retention:${schema}`]);
      }
    } finally {
      await runner.release();
    }
  }

  /** The inbox age this run applies: the configured one, raised to the topics' floor; Infinity keeps all. */
  private async inboxAgeMs(): Promise<number> {
    const configured = this.options.inboxRetentionDays * DayMs;
    if (configured === 0) return Infinity;
    let floor: { ms: number; topic?: string };
    try {
      floor = await this.topicRetentionFloor();
    } catch (error) {
      this.options.log?.('warn', 'inbox kept whole: the topic retention could not be read from the broker', {
        schema: this.options.schema,
        error: String(error),
      });
      return Infinity;
    }
    if (floor.ms > configured) {
      this.options.log?.(
        'warn',
        `INBOX_RETENTION_DAYS=${this.options.inboxRetentionDays} is shorter than the retention of ${floor.topic} ` +
          `(${Number.isFinite(floor.ms) ? `${(floor.ms / DayMs).toFixed(2)} days with its last segment` : 'forever'}): ` +
          (Number.isFinite(floor.ms) ? 'inbox rows are kept that long instead' : 'inbox rows are kept'),
        { schema: this.options.schema },
      );
      return floor.ms;
    }
    return configured;
  }

  /** The longest `retention.ms + segment.ms` of the topics that exist; Infinity for one kept forever. */
  private async topicRetentionFloor(): Promise<{ ms: number; topic?: string }> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const topics = this.options.topics.filter((topic) => existing.has(topic));
      if (topics.length === 0) return { ms: 0 };
      const { resources } = await admin.describeConfigs({
        includeSynonyms: false,
        resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['retention.ms', 'segment.ms'] })),
      });
      let floor: { ms: number; topic?: string } = { ms: 0 };
      for (const { resourceName, configEntries } of resources) {
        const value = (name: string) => Number(configEntries.find((entry) => entry.configName === name)?.configValue);
        const retention = value('retention.ms');
        const ms = retention < 0 ? Infinity : retention + value('segment.ms');
        // A value the broker did not give is read as forever: fail towards keeping rows.
        const kept = Number.isNaN(ms) ? Infinity : ms;
        if (kept > floor.ms) floor = { ms: kept, topic: resourceName };
      }
      return floor;
    } finally {
      await admin.disconnect();
    }
  }

  /** Deletes (or, dry, counts) the table's rows matching `condition` in batches; SKIP LOCKED leaves rows in use alone. */
  private async prune(runner: QueryRunner, table: 'outbox' | 'inbox', condition: string, cutoff: Date, dryRun: boolean): Promise<number> {
    const qualified = `"${this.options.schema}".${table}`;
    if (dryRun) {
      const [{ count }]: { count: number }[] = await runner.query(`SELECT count(*)::int AS count FROM ${qualified} WHERE ${condition}`, [
        cutoff,
      ]);
      return count;
    }
    const batchSize = this.options.batchSize ?? 1000;
    let deleted = 0;
    for (;;) {
      // Each batch is its own short transaction: the relay and consumers wait on no long lock.
      const [, count]: [unknown, number] = await runner.query(
        `DELETE FROM ${qualified} WHERE ctid IN (SELECT ctid FROM ${qualified} WHERE ${condition} LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [cutoff, batchSize],
      );
      deleted += count;
      if (count < batchSize) return deleted;
    }
  }
}
