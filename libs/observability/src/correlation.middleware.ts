import type { IncomingMessage, ServerResponse } from 'node:http';
import { Correlation } from './correlation.js';

/** Runs each request inside its correlation context (the id pino-http assigned). */
export function correlationMiddleware(req: IncomingMessage & { id?: unknown }, _res: ServerResponse, next: () => void): void {
  Correlation.run(typeof req.id === 'string' ? req.id : undefined, next);
}
