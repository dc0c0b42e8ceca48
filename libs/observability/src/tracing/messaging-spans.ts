import {
  context,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
} from '@opentelemetry/api';
import { ATTR_ERROR_TYPE } from '@opentelemetry/semantic-conventions';
import { contextFromHeaders, traceHeaders, type HeaderCarrier } from './trace-headers.js';
import { tracer, tracingEnabled } from './tracing.js';

// Messaging semantic conventions (still "development" upstream, so not imported from the incubating entry).
const SYSTEM = 'messaging.system';
const OPERATION_TYPE = 'messaging.operation.type';
const OPERATION_NAME = 'messaging.operation.name';
const DESTINATION = 'messaging.destination.name';
const MESSAGE_ID = 'messaging.message.id';
const EVENT_TYPE = 'cloudevents.event_type';
const BATCH_COUNT = 'messaging.batch.message_count';
const CONSUMER_GROUP = 'messaging.consumer.group.name';
const PARTITION = 'messaging.destination.partition.id';
const OFFSET = 'messaging.kafka.offset';

/** An event on its way to Kafka: what a span may say of it (no key, no payload). */
export interface TracedEvent {
  topic: string;
  /** CloudEvents id (a UUID the outbox made, not a business id). */
  id: string;
  type: string;
}

/** A message read from Kafka, described before it is parsed. */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  consumerGroup: string;
  id?: string;
  type?: string;
  /** The Kafka message headers, whose `traceparent` names the creation span. */
  headers: HeaderCarrier | undefined;
}

function operation(name: 'create' | 'send' | 'process', event?: Partial<TracedEvent>): Attributes {
  const attributes: Attributes = { [SYSTEM]: 'kafka', [OPERATION_TYPE]: name, [OPERATION_NAME]: name };
  if (event?.topic) attributes[DESTINATION] = event.topic;
  if (event?.id) attributes[MESSAGE_ID] = event.id;
  if (event?.type) attributes[EVENT_TYPE] = event.type;
  return attributes;
}

/** Runs `work` with `span` active under `parent`; a failure marks the span with the error's name only (messages may quote data). */
async function runIn<T>(span: Span, parent: Context, work: () => Promise<T>): Promise<T> {
  try {
    return await context.with(trace.setSpan(parent, span), work);
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    span.setAttribute(ATTR_ERROR_TYPE, name).setStatus({ code: SpanStatusCode.ERROR, message: name });
    throw error;
  } finally {
    span.end();
  }
}

/**
 * The creation span of one event appended to the outbox (messaging `create`), child of the
 * active span, and its trace headers to store with the row: the relay publishes later from
 * another context, so the trace travels as data. Empty with tracing off.
 */
export function eventCreated(event: TracedEvent): Record<string, string> {
  if (!tracingEnabled()) return {};
  const span = tracer.startSpan(`create ${event.topic}`, { kind: SpanKind.PRODUCER, attributes: operation('create', event) });
  // Marks the creation context; the INSERT itself belongs to the caller's transaction.
  span.end();
  return traceHeaders(trace.setSpan(context.active(), span));
}

/**
 * A `send` span around one publish of outbox rows, linked to each row's creation span (a
 * batch mixes traces, so it parents none). The messages keep their creation `traceparent`.
 */
export function sending<T>(events: (TracedEvent & { headers: HeaderCarrier })[], send: () => Promise<T>): Promise<T> {
  if (!tracingEnabled()) return send();
  const topics = [...new Set(events.map((event) => event.topic))];
  const links: Link[] = events.flatMap(({ headers }) => {
    const created = trace.getSpanContext(contextFromHeaders(headers));
    return created ? [{ context: created }] : [];
  });
  const attributes: Attributes = {
    ...operation('send', { topic: topics.length === 1 ? topics[0] : undefined }),
    [BATCH_COUNT]: events.length,
  };
  const span = tracer.startSpan(
    topics.length === 1 ? `send ${topics[0]}` : 'send',
    { kind: SpanKind.PRODUCER, links, attributes },
    ROOT_CONTEXT,
  );
  return runIn(span, ROOT_CONTEXT, send);
}

/**
 * A `process` span for one consumed message, child of its creation span, active while it is
 * handled (retries and dead-lettering included) so that the events the handler appends
 * continue the same trace.
 */
export function processing<T>(event: ConsumedMessage, work: () => Promise<T>): Promise<T> {
  if (!tracingEnabled()) return work();
  const parent = contextFromHeaders(event.headers);
  const span = tracer.startSpan(
    `process ${event.topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        ...operation('process', event),
        [CONSUMER_GROUP]: event.consumerGroup,
        [PARTITION]: String(event.partition),
        [OFFSET]: Number(event.offset),
      },
    },
    parent,
  );
  return runIn(span, parent, work);
}
