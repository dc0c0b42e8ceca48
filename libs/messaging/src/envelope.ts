import type { IHeaders, KafkaMessage } from 'kafkajs';
import { PoisonMessageError } from './consumer/poison-message.error.js';

/**
 * CloudEvents 1.0 in Kafka **binary content mode**: the attributes travel as `ce_*` headers,
 * `data` is the message value (JSON, `content-type: application/json`) and the key is the
 * aggregate id. One mode everywhere; partners read the payload without unwrapping.
 */
export interface CloudEvent<TData = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  dataschema: string;
  /** Extension attribute: the correlation id of the work that produced the event. */
  correlationid?: string;
  data: TData;
}

export type CloudEventAttributes = Omit<CloudEvent, 'data' | 'datacontenttype'>;

const REQUIRED = ['specversion', 'id', 'source', 'type', 'time', 'subject'] as const;

export function headersOf(attributes: CloudEventAttributes): Record<string, string> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) headers[`ce_${name}`] = String(value);
  }
  return headers;
}

export function headerValue(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Reads a consumed message as a CloudEvent; a message that is not one can never be processed. */
export function parseCloudEvent(message: Pick<KafkaMessage, 'headers' | 'value'>): CloudEvent {
  const attributes: Record<string, string | undefined> = {};
  for (const name of [...REQUIRED, 'dataschema', 'correlationid']) {
    attributes[name] = headerValue(message.headers, `ce_${name}`);
  }
  const missing = REQUIRED.filter((name) => !attributes[name]);
  if (missing.length > 0) {
    throw new PoisonMessageError(`not a CloudEvent: missing header(s) ${missing.map((name) => `ce_${name}`).join(', ')}`);
  }
  if (attributes.specversion !== '1.0') {
    throw new PoisonMessageError(`unsupported CloudEvents specversion ${attributes.specversion}`);
  }
  const contentType = headerValue(message.headers, 'content-type');
  if (contentType && !contentType.startsWith('application/json')) {
    throw new PoisonMessageError(`unsupported content-type ${contentType}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(message.value?.toString('utf8') ?? '');
  } catch {
    throw new PoisonMessageError('message value is not valid JSON');
  }
  return {
    specversion: '1.0',
    id: attributes.id!,
    source: attributes.source!,
    type: attributes.type!,
    time: attributes.time!,
    subject: attributes.subject!,
    datacontenttype: 'application/json',
    dataschema: attributes.dataschema ?? '',
    correlationid: attributes.correlationid,
    data,
  };
}
