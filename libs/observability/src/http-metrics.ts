import type { IncomingMessage, ServerResponse } from 'node:http';
import { Histogram, type Registry } from 'prom-client';

/** Paths whose requests are not measured: the scrape itself would dominate the figures. */
const UNMEASURED = new Set(['/metrics']);

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** What Express leaves on a request it routed: the matched route's template, never the raw URL. */
interface RoutedRequest extends IncomingMessage {
  baseUrl?: string;
  route?: { path?: unknown };
  path?: string;
}

/** Nest's catch-all that answers 404 for paths no controller has (`{/*splat}`), and the like. */
const CATCH_ALL = /^\{?\/?\*\w*\}?$/;

/**
 * The route label: the template Express matched (`/incidents/:id`), so ids never become
 * labels; `unmatched` for a request refused before routing (413, 415) or for no route (404).
 */
export function routeLabelOf(req: RoutedRequest): string {
  const path = req.route?.path;
  return typeof path === 'string' && !CATCH_ALL.test(path) ? `${req.baseUrl ?? ''}${path}` || '/' : 'unmatched';
}

/** A method label from a fixed set, so a client cannot mint label values. */
export function methodLabelOf(method: string | undefined): string {
  const upper = (method ?? '').toUpperCase();
  return METHODS.has(upper) ? upper : 'other';
}

/**
 * `http_request_duration_seconds{method,route,status_code}`: latency, and through its
 * `_count` the request rate and (by status code) the error rate of every service.
 */
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status_code'>;

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status code, with their duration in seconds',
      labelNames: ['method', 'route', 'status_code'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  /** Express middleware, registered first so that refusals by later middleware and guards are measured too. */
  readonly middleware = (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req as RoutedRequest).path ?? req.url?.split('?')[0];
    if (path && UNMEASURED.has(path)) return next();
    const started = process.hrtime.bigint();
    // `close` also fires when the client goes away before the answer; the status is then what was set.
    res.once('close', () => {
      this.duration.observe(
        { method: methodLabelOf(req.method), route: routeLabelOf(req as RoutedRequest), status_code: String(res.statusCode) },
        Number(process.hrtime.bigint() - started) / 1e9,
      );
    });
    next();
  };
}
