import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { CORRELATION_HEADER, Correlation } from './correlation.js';

/**
 * Runs each request inside its correlation context: the caller's `X-Correlation-Id`, or a
 * new one, echoed in the response. Registered before every other middleware.
 */
export function correlationMiddleware(req: IncomingMessage, res: ServerResponse, next: () => void): void {
  const given = req.headers[CORRELATION_HEADER];
  const id = (Array.isArray(given) ? given[0] : given)?.slice(0, 128) || randomUUID();
  res.setHeader(CORRELATION_HEADER, id);
  Correlation.run(id, next);
}
