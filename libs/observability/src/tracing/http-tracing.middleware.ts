import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { ATTR_HTTP_REQUEST_METHOD, ATTR_HTTP_RESPONSE_STATUS_CODE, ATTR_HTTP_ROUTE } from '@opentelemetry/semantic-conventions';
import { contextFromHeaders } from './trace-headers.js';
import { tracer } from './tracing.js';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** What Express adds to the request once a route matched. */
type RoutedRequest = IncomingMessage & { baseUrl?: string; route?: { path?: unknown } };

/**
 * A server span per request, child of the caller's `traceparent` if any, active while the
 * request is handled so that outbox rows written by it carry its trace. Named by the route
 * template (`POST /incidents/:id/verify`), never the URL, so no id or query reaches the span.
 * Health probes are not traced.
 */
export function httpTracingMiddleware(req: RoutedRequest, res: ServerResponse, next: () => void): void {
  if (req.url?.startsWith('/health')) return next();
  const method = req.method && METHODS.has(req.method) ? req.method : '_OTHER';
  const parent = contextFromHeaders(req.headers);
  const span = tracer.startSpan(method, { kind: SpanKind.SERVER, attributes: { [ATTR_HTTP_REQUEST_METHOD]: method } }, parent);
  res.once('close', () => {
    const route = typeof req.route?.path === 'string' ? `${req.baseUrl ?? ''}${req.route.path}` : undefined;
    if (route) span.updateName(`${method} ${route}`).setAttribute(ATTR_HTTP_ROUTE, route);
    span.setAttribute(ATTR_HTTP_RESPONSE_STATUS_CODE, res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), next);
}
