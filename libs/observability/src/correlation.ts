import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

const storage = new AsyncLocalStorage<{ correlationId: string }>();

/** HTTP header that carries the correlation id in and out of every service. */
export const CORRELATION_HEADER = 'x-correlation-id';

/**
 * The correlation id of the work in progress: set from the HTTP request or the consumed
 * event, written into logs and into the headers of every event the work produces.
 */
export const Correlation = {
  run<T>(correlationId: string | undefined, work: () => T): T {
    return storage.run({ correlationId: correlationId || randomUUID() }, work);
  },
  current(): string | undefined {
    return storage.getStore()?.correlationId;
  },
};
