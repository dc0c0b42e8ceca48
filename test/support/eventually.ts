/**
 * Polls until `probe` returns a value without throwing, or fails with its last error after
 * `timeoutMs`. The deadline bounds a wait for asynchronous effects; it is not a speed test.
 */
export async function eventually<T>(probe: () => Promise<T>, { timeoutMs = 30000, intervalMs = 150 } = {}): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
