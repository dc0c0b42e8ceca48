import { ROOT_CONTEXT, type Context, type TextMapGetter } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

/** Header values as HTTP and Kafka clients hand them over: strings, buffers, or lists of either. */
export type HeaderCarrier = Record<string, string | Buffer | (string | Buffer)[] | undefined>;

const propagator = new W3CTraceContextPropagator();

const getter: TextMapGetter<HeaderCarrier> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  },
};

/**
 * The W3C `traceparent` (and `tracestate`) of the span in `context`, as headers; empty when
 * there is none, so an event written with tracing off carries nothing.
 */
export function traceHeaders(context: Context): Record<string, string> {
  const headers: Record<string, string> = {};
  propagator.inject(context, headers, { set: (carrier, key, value) => (carrier[key] = value) });
  return headers;
}

/** The remote parent named by the `traceparent` header, or the root context when it is missing or malformed. */
export function contextFromHeaders(headers: HeaderCarrier | undefined): Context {
  return headers ? propagator.extract(ROOT_CONTEXT, headers, getter) : ROOT_CONTEXT;
}
