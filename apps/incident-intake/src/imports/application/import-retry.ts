import { isTransientFailure } from '#database';

/** How often, and after what pauses, a batch of rows whose transaction failed for a transient reason is tried again. */
export interface ImportRetryPolicy {
  /** Pauses before each retry; the batch is tried `delaysMs.length + 1` times in all. */
  delaysMs: readonly number[];
}

/** About 3 s in all: enough for a failover or a lock to clear, short enough for the client to be told. */
export const DefaultImportRetryPolicy: ImportRetryPolicy = { delaysMs: [200, 400, 800, 1600] };

/** Runs work, trying it again after each pause while it fails transiently; the last failure is thrown. */
export async function withRetries<T>(policy: ImportRetryPolicy, work: () => Promise<T>): Promise<T> {
  for (const delayMs of policy.delaysMs) {
    try {
      return await work();
    } catch (error) {
      if (!isTransientFailure(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
  return work();
}
