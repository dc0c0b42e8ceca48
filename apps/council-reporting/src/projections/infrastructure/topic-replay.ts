import { randomUUID } from 'node:crypto';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import type { DataSource } from 'typeorm';
import { Topics, type EventContract } from '#contracts';
import { parseCloudEvent, PoisonMessageError, validatePayload, type CloudEvent, type KafkaConnection } from '#messaging';
import type { PositionedEvent, ReadModels } from './read-models.js';

/**
 * How far a replay goes: each partition's next offset, as decimal strings (int64). Messages
 * at or past it are not applied; a partition left out is not read at all.
 */
export type ReplayTarget = Record<string, Record<number, string>>;

/** A read model's position in one partition, as `projection_position` and a report's watermark hold it. */
export interface ReplayPosition {
  topic: string;
  partition: number;
  nextOffset: string;
}

/** The target a report's watermark names: what its figures were made of, and nothing after. */
export function replayTargetOf(positions: readonly ReplayPosition[]): ReplayTarget {
  const target: ReplayTarget = {};
  for (const { topic, partition, nextOffset } of positions) (target[topic] ??= {})[partition] = nextOffset;
  return target;
}

export interface ReplayProgress {
  /** Events applied to the read models, by topic. */
  applied: Record<string, number>;
  /** Messages that are no valid event of their type; the live consumer dead-lettered them. */
  skipped: number;
  /** Events delivered again under an id already applied; the live consumer's inbox absorbed them. */
  duplicates: number;
}

export interface TopicReplayOptions {
  /** The schema of the read models the events are applied to. */
  schema: string;
  /** The incident and case topics, unless a test gives its own. */
  topics?: readonly string[];
  /** Events applied in one transaction; a failed transaction fails the replay. */
  eventsPerTransaction?: number;
  /** Partitions applied at the same time; the projections take the topics in any order between aggregates. */
  partitionsAtOnce?: number;
  /** Called after each transaction. */
  onProgress?: (progress: Readonly<ReplayProgress>) => void;
}

interface Waiter {
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * Replays the topics from offset zero into the read models of one schema, as the live consumer
 * would have projected them: the same envelope parsing and payload validation (a message that
 * fails them is skipped and counted), the same event types (others are ignored), each event
 * once (by id, as the inbox), and `ReadModels.applyAll` in transactions of a few events.
 *
 * `replayTo` may be called again with a later target: it goes on from where it stopped. kafkajs
 * cannot read partitions without a consumer group, so the replay joins one of its own, commits
 * nothing to it, and deletes it on `close`.
 */
export class TopicReplay {
  readonly progress: ReplayProgress = { applied: {}, skipped: 0, duplicates: 0 };
  private readonly topics: readonly string[];
  private readonly groupId = `council-reporting-replay-${randomUUID()}`;
  private readonly contracts = new Map<string, EventContract<object>>();
  /** Ids of the events applied so far: the inbox of this replay. */
  private readonly appliedIds = new Set<string>();
  /** By `topic:partition`: the next offset to apply, and the offset to stop at. */
  private readonly positions = new Map<string, bigint>();
  private readonly targets = new Map<string, bigint>();
  private consumer?: Consumer;
  private waiter?: Waiter;
  private failure?: Error;

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly dataSource: DataSource,
    private readonly readModels: ReadModels,
    private readonly options: TopicReplayOptions,
  ) {
    this.topics = options.topics ?? [Topics.incidents, Topics.cases];
    for (const contract of readModels.contracts) this.contracts.set(contract.type, contract);
    for (const topic of this.topics) this.progress.applied[topic] = 0;
  }

  /** The end of every partition now: replaying to it applies everything published so far. */
  async endOffsets(): Promise<ReplayTarget> {
    const target: ReplayTarget = {};
    for (const [topic, partitions] of Object.entries(await this.partitionOffsets())) {
      target[topic] = Object.fromEntries(partitions.map(({ partition, high }) => [partition, high]));
    }
    return target;
  }

  /** Applies every message below the target's offset in each partition, and nothing at or past it. */
  async replayTo(target: ReplayTarget): Promise<ReplayProgress> {
    if (this.failure) throw this.failure;
    await this.aim(target);
    const reached = new Promise<void>((resolve, reject) => (this.waiter = { resolve, reject }));
    if (!this.settle()) {
      if (this.consumer) this.consumer.resume(this.topics.map((topic) => ({ topic })));
      else await this.start();
    }
    await reached;
    return this.progress;
  }

  /** Leaves and deletes the replay's consumer group; a closed replay replays no more. */
  async close(): Promise<void> {
    const consumer = this.consumer;
    this.failure ??= new Error('the replay is closed');
    this.consumer = undefined;
    if (!consumer) return;
    await consumer.disconnect();
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await admin.deleteGroups([this.groupId]);
    } catch {
      // A group that never committed an offset is gone once its last member leaves.
    } finally {
      await admin.disconnect();
    }
  }

  /** Checks the target against the topics and sets it for every partition (0 where absent). */
  private async aim(target: ReplayTarget): Promise<void> {
    const unknown = Object.keys(target).filter((topic) => !this.topics.includes(topic));
    if (unknown.length > 0) throw new Error(`The replay reads ${this.topics.join(', ')}, not ${unknown.join(', ')}`);
    for (const [topic, partitions] of Object.entries(await this.partitionOffsets())) {
      const wanted = target[topic] ?? {};
      const missing = Object.keys(wanted).filter((partition) => !partitions.some((p) => p.partition === Number(partition)));
      if (missing.length > 0) throw new Error(`${topic} has no partition ${missing.join(', ')}`);
      for (const { partition, low } of partitions) {
        const key = keyOf(topic, partition);
        const next = BigInt(wanted[partition] ?? '0');
        const position = this.positions.get(key) ?? 0n;
        // Retention deleted what the read models were made of: a replay would be silently partial.
        if (next > position && BigInt(low) > position) {
          throw new Error(`${topic} partition ${partition} starts at offset ${low}: the events before it are lost`);
        }
        this.targets.set(key, next);
      }
    }
  }

  private async partitionOffsets(): Promise<Record<string, { partition: number; high: string; low: string }[]>> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const offsets: Record<string, { partition: number; high: string; low: string }[]> = {};
      for (const topic of this.topics) offsets[topic] = await admin.fetchTopicOffsets(topic);
      return offsets;
    } finally {
      await admin.disconnect();
    }
  }

  private async start(): Promise<void> {
    // A short fetch wait: closing waits for the fetch in flight, which idles at the end of the log
    // (500 ms made up a quarter of a rebuild of 5,000 events); a replay is short-lived, so the
    // more frequent fetches while it idles cost little.
    const consumer = this.kafka.consumer({ groupId: this.groupId, sessionTimeout: 30000, heartbeatInterval: 3000, maxWaitTimeInMs: 100 });
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => this.fail(payload.error));
    await consumer.connect();
    await consumer.subscribe({ topics: [...this.topics], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      // Offsets are resolved as transactions commit, so a partition paused at its target
      // resumes right there when a later target is set.
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsAtOnce ?? 6,
      eachBatch: (payload) => this.replayBatch(payload).catch((error: unknown) => this.fail(error)),
    });
  }

  private async replayBatch({ batch, resolveOffset, heartbeat, pause }: EachBatchPayload): Promise<void> {
    if (this.failure) return;
    const { topic, partition } = batch;
    const key = keyOf(topic, partition);
    const target = this.targets.get(key) ?? 0n;
    // A batch fetched before the partition was paused may repeat what was applied.
    const fresh = batch.messages.filter((message) => BigInt(message.offset) >= (this.positions.get(key) ?? 0n));
    const below = fresh.filter((message) => BigInt(message.offset) < target);
    const size = this.options.eventsPerTransaction ?? 100;
    for (let start = 0; start < below.length; start += size) {
      if (this.failure) return;
      const messages = below.slice(start, start + size);
      await this.apply(topic, partition, messages);
      const last = messages.at(-1)!.offset;
      resolveOffset(last);
      this.positions.set(key, BigInt(last) + 1n);
      this.options.onProgress?.(this.progress);
      await heartbeat();
    }
    // Offsets a compaction or a transaction marker left empty are passed too.
    const end = BigInt(batch.lastOffset()) + 1n;
    if (below.length === fresh.length && end <= target && end > (this.positions.get(key) ?? 0n)) {
      resolveOffset(batch.lastOffset());
      this.positions.set(key, end);
    }
    if ((this.positions.get(key) ?? 0n) >= (this.targets.get(key) ?? 0n)) pause();
    this.settle();
  }

  private async apply(topic: string, partition: number, messages: KafkaMessage[]): Promise<void> {
    const events: PositionedEvent[] = [];
    for (const message of messages) {
      const event = await this.eventOf(message);
      if (event) events.push({ event, offset: message.offset });
    }
    if (events.length === 0) return;
    const applied = await this.dataSource.transaction((manager) =>
      this.readModels.applyAll(manager, this.options.schema, topic, partition, events),
    );
    this.progress.applied[topic]! += applied;
  }

  /** The event as the live consumer hands it to the projections, or nothing when it has none to hand. */
  private async eventOf(message: KafkaMessage): Promise<CloudEvent<object> | undefined> {
    try {
      const event = parseCloudEvent(message);
      const contract = this.contracts.get(event.type);
      if (!contract) return undefined;
      const data = await validatePayload(contract, event.data);
      if (this.appliedIds.has(event.id)) {
        this.progress.duplicates++;
        return undefined;
      }
      this.appliedIds.add(event.id);
      return { ...event, data };
    } catch (error) {
      if (!(error instanceof PoisonMessageError)) throw error;
      this.progress.skipped++;
      return undefined;
    }
  }

  /** Wakes `replayTo` when every partition has reached its target; true when they have. */
  private settle(): boolean {
    const reached = [...this.targets].every(([key, target]) => (this.positions.get(key) ?? 0n) >= target);
    if (reached) {
      this.waiter?.resolve();
      this.waiter = undefined;
    }
    return reached;
  }

  private fail(error: unknown): void {
    this.failure ??= error instanceof Error ? error : new Error(String(error));
    this.consumer?.pause(this.topics.map((topic) => ({ topic })));
    this.waiter?.reject(this.failure);
    this.waiter = undefined;
  }
}

function keyOf(topic: string, partition: number): string {
  return `${topic}:${partition}`;
}
