// Waiting for an asynchronous effect, as the tests do: poll with a bounded deadline, never a fixed sleep.

/** Polls `check` every few milliseconds until it holds, for at most `timeoutMs`. */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !(await check());) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
