import type { OnApplicationShutdown } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { Counter, Gauge, type Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { sharedForScrape } from '#observability';
import { consumerLag, type PartitionLag } from './consumer/consumer-lag.js';
import type { ConsumedEvent } from './consumer/event-consumer.js';
import type { KafkaConnection } from './kafka-connection.js';
import type { ParkedRow, PublishedRow } from './outbox/outbox-relay.js';

export interface MessagingMetricsOptions {
  /** The service schema whose outbox is measured. */
  schema: string;
  /** The service's consumer group and its topics, when it consumes. */
  consumer?: { groupId: string; topics: string[] };
  log: (level: 'warn', message: string, extra?: Record<string, unknown>) => void;
}

interface OutboxState {
  unpublished: number;
  oldest_age_seconds: number;
  parked: number;
}

/** Lag costs broker round trips (one per topic, one for the group); scrapes this close share one answer. */
const LAG_CACHE_MS = 5000;

/** Longest a scrape waits for the database or the broker; Prometheus gives a scrape 10 s by default. */
const SOURCE_TIMEOUT_MS = 3000;

/**
 * Outbox, relay and consumer metrics of one service. Counters are moved by the relay's and the
 * consumer's hooks; the outbox gauges (one SQL query) and consumer lag (the broker's ends
 * against the group's commits) are read when Prometheus scrapes. A gauge whose source cannot
 * be read is left out of that scrape rather than reported as zero.
 */
export class MessagingMetrics implements OnApplicationShutdown {
  private readonly published: Counter<'topic' | 'type'>;
  private readonly parkedRows: Counter<'topic'>;
  private readonly consumedEvents: Counter<'topic' | 'type' | 'outcome'>;
  private admin?: Promise<Admin>;

  constructor(
    registry: Registry,
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaConnection,
    private readonly options: MessagingMetricsOptions,
  ) {
    this.published = new Counter({
      name: 'messaging_outbox_published_total',
      help: 'Outbox rows published to Kafka, by topic and event type',
      labelNames: ['topic', 'type'],
      registers: [registry],
    });
    this.parkedRows = new Counter({
      name: 'messaging_outbox_parked_total',
      help: 'Outbox rows the relay gave up on and parked, by topic',
      labelNames: ['topic'],
      registers: [registry],
    });
    this.consumedEvents = new Counter({
      name: 'messaging_events_consumed_total',
      help: 'Events read by the consumer, by outcome: processed, duplicate (absorbed by the inbox), ignored, dead_lettered',
      labelNames: ['topic', 'type', 'outcome'],
      registers: [registry],
    });
    this.registerOutboxGauges(registry);
    if (options.consumer) this.registerLagGauge(registry, options.consumer);
  }

  readonly onPublished = (rows: PublishedRow[]): void => {
    for (const { topic, type } of rows) this.published.inc({ topic, type });
  };

  readonly onParked = (row: ParkedRow): void => {
    this.parkedRows.inc({ topic: row.topic });
  };

  readonly onConsumed = ({ topic, type, outcome }: ConsumedEvent): void => {
    // Only types this service handles become label values, so a stray producer cannot mint series.
    this.consumedEvents.inc({ topic, type: type ?? 'other', outcome });
  };

  async onApplicationShutdown(): Promise<void> {
    const admin = await this.admin?.catch(() => undefined);
    await admin?.disconnect();
  }

  private registerOutboxGauges(registry: Registry): void {
    const { schema } = this.options;
    const state = sharedForScrape(() => this.unavailableAs('outbox metrics', this.readOutbox(schema)), 0);
    const gauge = (name: string, help: string, read: (state: OutboxState) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['schema'],
        registers: [registry],
        collect: async function () {
          this.reset();
          const current = await state();
          if (current) this.set({ schema }, read(current));
        },
      });
    gauge('messaging_outbox_unpublished_rows', 'Outbox rows waiting to be published (parked rows not included)', (s) => s.unpublished);
    gauge(
      'messaging_outbox_oldest_unpublished_age_seconds',
      'Age of the oldest outbox row waiting to be published; 0 when none waits',
      (s) => s.oldest_age_seconds,
    );
    gauge('messaging_outbox_parked_rows', 'Parked outbox rows, neither retried nor discarded yet', (s) => s.parked);
  }

  private async readOutbox(schema: string): Promise<OutboxState> {
    // Unpublished rows only: the partial index on unpublished rows keeps this cheap however large the outbox grows.
    const [row]: OutboxState[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE parked_at IS NULL)::int AS unpublished,
                coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL)), 0)::float8 AS oldest_age_seconds,
                count(*) FILTER (WHERE parked_at IS NOT NULL)::int AS parked
         FROM "${schema}".outbox WHERE published_at IS NULL AND discarded_at IS NULL`,
    );
    return row;
  }

  private registerLagGauge(registry: Registry, consumer: { groupId: string; topics: string[] }): void {
    const lag = sharedForScrape(() => this.unavailableAs('consumer lag', this.readLag(consumer)), LAG_CACHE_MS);
    new Gauge({
      name: 'messaging_consumer_lag_messages',
      help: "Messages of each partition not yet committed by this service's consumer group",
      labelNames: ['consumer_group', 'topic', 'partition'],
      registers: [registry],
      collect: async function () {
        this.reset();
        for (const { topic, partition, lag: behind } of (await lag()) ?? [])
          this.set({ consumer_group: consumer.groupId, topic, partition: String(partition) }, behind);
      },
    });
  }

  private async readLag({ groupId, topics }: { groupId: string; topics: string[] }): Promise<PartitionLag[]> {
    const admin = await this.connectedAdmin();
    const [committed, ends] = await Promise.all([
      admin.fetchOffsets({ groupId, topics }),
      Promise.all(topics.map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) }))),
    ]);
    return consumerLag(ends, committed);
  }

  /** One admin client kept for scrapes; a failed connect is not kept, the next scrape tries again. */
  private connectedAdmin(): Promise<Admin> {
    if (!this.admin) {
      const connecting = (async () => {
        const admin = this.kafka.admin();
        await admin.connect();
        return admin;
      })();
      connecting.catch(() => {
        if (this.admin === connecting) this.admin = undefined;
      });
      this.admin = connecting;
    }
    return this.admin;
  }

  /**
   * A source that cannot be read in time (database or broker down) is logged and left out of
   * the scrape: a scrape that waited out the client's retries would lose every other metric.
   */
  private async unavailableAs<T>(what: string, reading: Promise<T>): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${SOURCE_TIMEOUT_MS} ms`)), SOURCE_TIMEOUT_MS);
    });
    try {
      return await Promise.race([reading, deadline]);
    } catch (error) {
      this.options.log('warn', `${what} unavailable for this scrape`, { error: String(error) });
      return undefined;
    } finally {
      clearTimeout(timer);
      // A reading that lost the race may still fail; that failure was already reported as the timeout.
      reading.catch(() => undefined);
    }
  }
}
