import { ROOT_CONTEXT, trace, TraceFlags, type SpanContext } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { contextFromHeaders, traceHeaders, type HeaderCarrier } from './trace-headers.js';

const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
const spanId = '00f067aa0ba902b7';
const traceparent = `00-${traceId}-${spanId}-01`;

function contextOf(spanContext: SpanContext) {
  return trace.setSpanContext(ROOT_CONTEXT, spanContext);
}

describe('traceHeaders', () => {
  it.each([
    ['a sampled span', { traceId, spanId, traceFlags: TraceFlags.SAMPLED }, { traceparent }],
    ['an unsampled span', { traceId, spanId, traceFlags: TraceFlags.NONE }, { traceparent: `00-${traceId}-${spanId}-00` }],
    [
      'a span with vendor state',
      { traceId, spanId, traceFlags: TraceFlags.SAMPLED, traceState: new TraceState('vendor=1') },
      { traceparent, tracestate: 'vendor=1' },
    ],
    ['an invalid span (all-zero trace id)', { traceId: '0'.repeat(32), spanId, traceFlags: TraceFlags.SAMPLED }, {}],
  ])('writes the headers of %s', (_case, spanContext, expected) => {
    expect(traceHeaders(contextOf(spanContext))).toEqual(expected);
  });

  it('writes nothing when no span is active, as with tracing off', () => {
    expect(traceHeaders(ROOT_CONTEXT)).toEqual({});
  });
});

describe('contextFromHeaders', () => {
  it.each<[string, HeaderCarrier]>([
    ['a string (HTTP)', { traceparent }],
    ['a buffer (Kafka)', { traceparent: Buffer.from(traceparent) }],
    ['a list of values', { traceparent: [Buffer.from(traceparent), 'ignored'] }],
  ])('reads the remote parent from %s', (_case, headers) => {
    expect(trace.getSpanContext(contextFromHeaders(headers))).toMatchObject({
      traceId,
      spanId,
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
  });

  it('keeps the vendor state beside the parent', () => {
    const sut = trace.getSpanContext(contextFromHeaders({ traceparent, tracestate: 'vendor=1' }));
    expect(sut?.traceState?.serialize()).toBe('vendor=1');
  });

  it.each<[string, HeaderCarrier | undefined]>([
    ['no headers', undefined],
    ['no traceparent', { ce_id: 'x' }],
    ['garbage', { traceparent: 'not-a-traceparent' }],
    ['an all-zero trace id', { traceparent: `00-${'0'.repeat(32)}-${spanId}-01` }],
    ['the reserved version ff', { traceparent: `ff-${traceId}-${spanId}-01` }],
  ])('starts a new trace from %s', (_case, headers) => {
    expect(trace.getSpanContext(contextFromHeaders(headers))).toBeUndefined();
  });

  it('reads back what traceHeaders wrote', () => {
    const spanContext = { traceId, spanId, traceFlags: TraceFlags.SAMPLED };
    expect(trace.getSpanContext(contextFromHeaders(traceHeaders(contextOf(spanContext))))).toEqual({ ...spanContext, isRemote: true });
  });
});
