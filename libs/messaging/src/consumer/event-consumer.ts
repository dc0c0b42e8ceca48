import { setTimeout as sleep } from 'node:timers/promises';
import type { Consumer, KafkaMessage } from 'kafkajs';
import type { EventContract } from '#contracts';
import { DomainError } from '#domain';
import { isTransientFailure, type Transactions } from '#database';
import { Correlation, processing } from '#observability';
import { headerValue, parseCloudEvent, type CloudEvent } from '../envelope.js';
import type { Inbox } from '../inbox/inbox.js';
import type { KafkaConnection } from '../kafka-connection.js';
import { validatePayload } from '../payload-validation.js';
import { sendToDeadLetter } from './dead-letter.js';
import type { IntegrationEventHandler } from './integration-event-handler.js';
import { PoisonMessageError } from './poison-message.error.js';

export interface EventConsumerOptions {
  groupId: string;
  topics: string[];
  handlers: IntegrationEventHandler[];
  /**
   * Attempts for an unexplained failure (a bug, an unexpected error) before dead-lettering;
   * 8 by default. Transient failures (database down, deadlock, timeout) are retried for as
   * long as they last and never dead-lettered.
   */
  maxAttempts?: number;
  /** First retry delay (200 ms by default); doubles each attempt, up to `maxBackoffMs`. */
  initialBackoffMs?: number;
  /** Longest wait between attempts; 10 s by default. */
  maxBackoffMs?: number;
  log?: (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra?: Record<string, unknown>) => void;
  /** Partitions whose messages are applied at the same time, each in order; 3 by default. */
  partitionsConsumedConcurrently?: number;
  /** Called once per message, with what became of it; the hook for metrics. */
  onConsumed?: (event: ConsumedEvent) => void;
}

/**
 * What became of one message: `processed` by its handler, a `duplicate` the inbox absorbed,
 * `ignored` (a type this service does not react to) or `dead_lettered`.
 */
export interface ConsumedEvent {
  topic: string;
  partition: number;
  /** The event type when this consumer handles it; otherwise (ignored, unreadable) undefined. */
  type?: string;
  outcome: 'processed' | 'duplicate' | 'ignored' | 'dead_lettered';
}

/** A failure of a chunk: the message being handled when it failed (the first one if none was), and the error. */
interface ChunkFailure {
  index: number;
  error: unknown;
}

/** Messages applied in one transaction at most; a fetch may bring thousands. */
const MESSAGES_PER_TRANSACTION = 100;

/**
 * Kafka batch → envelope and payload validation → one transaction per chunk of a partition's
 * messages (inbox claims, handlers) → offset commit. The offset is committed only after the
 * transaction, so a crash replays the chunk and the inbox absorbs the replay. When a chunk
 * fails, the messages before the failing one are applied again without it, and the failing one
 * is handled alone: a poison message goes to the DLQ at once and the partition moves on; a
 * transient failure holds the partition (heartbeating, with capped backoff) until it passes;
 * an unexplained one is tried `maxAttempts` times, then dead-lettered. Partitions are consumed
 * concurrently, each in order, so order per key holds.
 */
export class EventConsumer {
  private consumer?: Consumer;
  private stopping = false;
  private readonly handlers = new Map<string, { handler: IntegrationEventHandler; contract: EventContract }>();

  constructor(
    private readonly kafka: KafkaConnection,
    private readonly transactions: Transactions,
    private readonly inbox: Inbox,
    private readonly options: EventConsumerOptions,
  ) {
    for (const handler of options.handlers) {
      for (const contract of handler.contracts) {
        if (this.handlers.has(contract.type)) throw new Error(`Two handlers for ${contract.type} in consumer group ${options.groupId}`);
        this.handlers.set(contract.type, { handler, contract });
      }
    }
  }

  async start(): Promise<void> {
    const consumer = this.kafka.consumer({ groupId: this.options.groupId, sessionTimeout: 30000, heartbeatInterval: 3000 });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.options.partitionsConsumedConcurrently ?? 3,
      eachBatch: async ({ batch: { topic, partition, messages }, resolveOffset, heartbeat, isRunning, isStale }) => {
        for (let start = 0; start < messages.length; start += MESSAGES_PER_TRANSACTION) {
          // After a rebalance the partition's new owner reads the rest.
          if (!isRunning() || isStale()) return;
          const chunk = messages.slice(start, start + MESSAGES_PER_TRANSACTION);
          await this.processInOrder(topic, partition, chunk, heartbeat);
          const last = chunk.at(-1)!.offset;
          resolveOffset(last);
          await consumer.commitOffsets([{ topic, partition, offset: (BigInt(last) + 1n).toString() }]);
          await heartbeat();
        }
      },
    });
  }

  async stop(): Promise<void> {
    // A partition held by a transient failure gives up waiting; its message is read again later.
    this.stopping = true;
    await this.consumer?.disconnect();
  }

  /** Applies messages of one partition in order, as one transaction when none fails. */
  private async processInOrder(topic: string, partition: number, messages: KafkaMessage[], heartbeat: () => Promise<void>): Promise<void> {
    let rest = messages;
    while (rest.length > 0) {
      const failure = await this.handleTogether(topic, partition, rest);
      if (!failure) return;
      if (failure.index > 0) await this.processInOrder(topic, partition, rest.slice(0, failure.index), heartbeat);
      await this.processAlone(topic, partition, rest[failure.index]!, failure.error, heartbeat);
      rest = rest.slice(failure.index + 1);
    }
  }

  /** A message whose first attempt failed with `error`: dead-lettered, or tried again until it passes. */
  private async processAlone(
    topic: string,
    partition: number,
    message: KafkaMessage,
    error: unknown,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 8;
    for (let attempt = 1; ; attempt++) {
      const poison = error instanceof PoisonMessageError || error instanceof DomainError;
      const transient = !poison && isTransientFailure(error);
      const reason = `${error instanceof Error ? error.name : 'Error'}: ${error instanceof Error ? error.message : String(error)}`;
      if (poison || (!transient && attempt >= maxAttempts)) {
        this.options.log?.('error', 'event dead-lettered', { topic, partition, offset: message.offset, reason, attempts: attempt });
        await sendToDeadLetter(this.kafka, {
          topic,
          partition,
          message,
          consumerGroup: this.options.groupId,
          reason: poison ? reason : `gave up after ${attempt} attempts: ${reason}`,
          attempts: attempt,
        });
        this.options.onConsumed?.({ topic, partition, type: this.registeredTypeOf(message), outcome: 'dead_lettered' });
        return;
      }
      if (this.stopping)
        throw new Error(`consumer stopping; ${topic}[${partition}]@${message.offset} is read again later`, { cause: error });
      const delay = Math.min((this.options.initialBackoffMs ?? 200) * 2 ** Math.min(attempt - 1, 16), this.options.maxBackoffMs ?? 10_000);
      this.options.log?.(
        transient ? 'warn' : 'error',
        transient ? 'transient failure; holding the partition' : 'event processing failed; retrying',
        { topic, partition, offset: message.offset, reason, attempt, delay },
      );
      // Keeps the group membership alive while this partition waits.
      await heartbeat();
      await sleep(delay);
      const failure = await this.handleTogether(topic, partition, [message]);
      if (!failure) return;
      error = failure.error;
    }
  }

  /**
   * One transaction for all the messages: every inbox claim in one statement, then each new
   * event's handler in order. Nothing is reported (or committed) unless all of them pass.
   */
  private async handleTogether(topic: string, partition: number, messages: KafkaMessage[]): Promise<ChunkFailure | undefined> {
    const events: { message: KafkaMessage; event?: CloudEvent<object>; handler?: IntegrationEventHandler }[] = [];
    for (const [index, message] of messages.entries()) {
      try {
        events.push({ message, ...(await this.eventOf(message)) });
      } catch (error) {
        return { index, error };
      }
    }
    let current = 0;
    try {
      const outcomes = await this.transactions.run(async (manager) => {
        const claimed = events.filter(({ event }) => event !== undefined).map(({ event }) => event!);
        const fresh = await this.inbox.claim(manager, this.options.groupId, claimed);
        const outcomes: ConsumedEvent[] = [];
        for (const [index, { message, event, handler }] of events.entries()) {
          current = index;
          if (!event || !handler) {
            outcomes.push({ topic, partition, outcome: 'ignored' });
            continue;
          }
          // An id seen earlier in the chunk, or in an earlier transaction, has had its effect.
          const isNew = fresh.delete(event.id);
          if (isNew) await this.handle(topic, partition, message, event, handler);
          outcomes.push({ topic, partition, type: event.type, outcome: isNew ? 'processed' : 'duplicate' });
        }
        current = 0;
        return outcomes;
      });
      for (const outcome of outcomes) this.options.onConsumed?.(outcome);
      return undefined;
    } catch (error) {
      return { index: current, error };
    }
  }

  /** The validated event and its handler; nothing for a type this service does not react to. */
  private async eventOf(message: KafkaMessage): Promise<{ event?: CloudEvent<object>; handler?: IntegrationEventHandler }> {
    const event = parseCloudEvent(message);
    const registered = this.handlers.get(event.type);
    // Topics carry several event types; those this service does not react to are not its concern.
    if (!registered) return {};
    const payload = await validatePayload(registered.contract, event.data);
    return { event: { ...event, data: payload }, handler: registered.handler };
  }

  private handle(
    topic: string,
    partition: number,
    message: KafkaMessage,
    event: CloudEvent<object>,
    handler: IntegrationEventHandler,
  ): Promise<void> {
    return processing(
      {
        topic,
        partition,
        offset: message.offset,
        consumerGroup: this.options.groupId,
        id: event.id,
        type: event.type,
        headers: message.headers,
      },
      () => Correlation.run(event.correlationid, () => handler.handle(event.data, event, { topic, partition, offset: message.offset })),
    );
  }

  /** The type of a message this consumer handles, read from its header without trusting the rest. */
  private registeredTypeOf(message: KafkaMessage): string | undefined {
    const type = headerValue(message.headers, 'ce_type');
    return type && this.handlers.has(type) ? type : undefined;
  }
}
