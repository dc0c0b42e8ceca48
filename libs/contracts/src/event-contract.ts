import type { Topic } from './topics.js';

/**
 * One event type of the public contract. The wire name is explicit and versioned; it is
 * never derived from a class name, so renaming code cannot change the contract.
 */
export interface EventContract<TPayload extends object = object> {
  /** CloudEvents `type`, past tense and versioned, e.g. `accountability.incident.reported.v1`. */
  readonly type: string;
  readonly topic: Topic;
  /** Debezium outbox `aggregatetype`; also the CloudEvents `subject` prefix. */
  readonly aggregateType: 'incident' | 'case' | 'report';
  /** class-validator class describing the payload (`data`). */
  readonly payload: new () => TPayload;
  readonly description: string;
}

export function defineEvent<TPayload extends object>(contract: EventContract<TPayload>): EventContract<TPayload> {
  return Object.freeze(contract);
}

/** URI of the JSON Schema of an event type, carried as CloudEvents `dataschema`. */
export function dataSchemaOf(type: string): string {
  return `urn:accountability:schema:${type}`;
}
