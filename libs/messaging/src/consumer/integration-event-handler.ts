import type { EventContract } from '#contracts';
import type { CloudEvent } from '../envelope.js';

/**
 * Reacts to one event type from another service. It runs inside the consumer's transaction
 * (after the inbox claim), so the command it sends commits together with the inbox row.
 */
export interface IntegrationEventHandler<TPayload extends object = object> {
  readonly contract: EventContract<TPayload>;
  handle(payload: TPayload, event: CloudEvent<TPayload>): Promise<void>;
}
