import type { EventContract } from '#contracts';
import type { CloudEvent } from '../envelope.js';

/**
 * Reacts to event types from another service. It runs inside the consumer's transaction
 * (after the inbox claim), so the command it sends commits together with the inbox row.
 * Each payload arrives validated against the contract of its type (`event.type`).
 */
export interface IntegrationEventHandler<TPayload extends object = object> {
  readonly contracts: readonly EventContract<TPayload>[];
  handle(payload: TPayload, event: CloudEvent<TPayload>, source: MessageSource): Promise<void>;
}

/** Where a consumed event was read: read models record it as the position they reached. */
export interface MessageSource {
  topic: string;
  partition: number;
  /** Kafka offset, a decimal string (int64). */
  offset: string;
}
