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
import type { IntegrationEventHandler, MessageSource } from './integration-event-handler.js';
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

/**
 * Kafka message → envelope and payload validation → one transaction (inbox claim, handler)
 * → offset commit. The offset is committed only after the transaction, so a crash replays
 * the message and the inbox absorbs the replay. Poison messages go to the DLQ at once and
 * the partition moves on. A transient failure holds the partition (heartbeating, with capped
 * backoff) until it passes; an unexplained one is tried `maxAttempts` times, then dead-lettered.
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
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        await processing(
          {
            topic,
            partition,
            offset: message.offset,
            consumerGroup: this.options.groupId,
            // Unchecked until parsed, so only used to describe the span.
            id: headerValue(message.headers, 'ce_id'),
            type: headerValue(message.headers, 'ce_type'),
            headers: message.headers,
          },
          () => this.process(topic, partition, message, heartbeat),
        );
        await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
      },
    });
  }

  async stop(): Promise<void> {
    // A partition held by a transient failure gives up waiting; its message is read again later.
    this.stopping = true;
    await this.consumer?.disconnect();
  }

  private async process(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 8;
    for (let attempt = 1; ; attempt++) {
      try {
        const { type, outcome } = await this.handleOnce(message, { topic, partition, offset: message.offset });
        this.options.onConsumed?.({ topic, partition, type, outcome });
        return;
      } catch (error) {
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
        const delay = Math.min(
          (this.options.initialBackoffMs ?? 200) * 2 ** Math.min(attempt - 1, 16),
          this.options.maxBackoffMs ?? 10_000,
        );
        this.options.log?.(
          transient ? 'warn' : 'error',
          transient ? 'transient failure; holding the partition' : 'event processing failed; retrying',
          {
            topic,
            partition,
            offset: message.offset,
            reason,
            attempt,
            delay,
          },
        );
        // Keeps the group membership alive while this partition waits.
        await heartbeat();
        await sleep(delay);
      }
    }
  }

  private async handleOnce(message: KafkaMessage, source: MessageSource): Promise<Pick<ConsumedEvent, 'type' | 'outcome'>> {
    const event = parseCloudEvent(message);
    const registered = this.handlers.get(event.type);
    // Topics carry several event types; those this service does not react to are not its concern.
    if (!registered) return { outcome: 'ignored' };
    const { handler, contract } = registered;
    const payload = await validatePayload(contract, event.data);
    const isNew = await Correlation.run(event.correlationid, () =>
      this.transactions.run(async (manager) => {
        const isNew = await this.inbox.claim(manager, this.options.groupId, event.id, event.type);
        if (isNew) await handler.handle(payload, { ...event, data: payload } as CloudEvent<typeof payload>, source);
        return isNew;
      }),
    );
    return { type: event.type, outcome: isNew ? 'processed' : 'duplicate' };
  }

  /** The type of a message this consumer handles, read from its header without trusting the rest. */
  private registeredTypeOf(message: KafkaMessage): string | undefined {
    const type = headerValue(message.headers, 'ce_type');
    return type && this.handlers.has(type) ? type : undefined;
  }
}
