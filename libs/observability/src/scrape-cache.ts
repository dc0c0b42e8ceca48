/**
 * Wraps a scrape-time query so that the collectors sharing it, and scrapes within `ttlMs` of
 * each other, share one answer: one query (or broker round trip) per scrape at most. A
 * failure is not kept; the next scrape asks again.
 */
export function sharedForScrape<T>(load: () => Promise<T>, ttlMs: number, now: () => number = () => performance.now()): () => Promise<T> {
  let kept: { value: Promise<T>; until: number } | undefined;
  return () => {
    if (kept && now() < kept.until) return kept.value;
    const entry = { value: load(), until: Number.POSITIVE_INFINITY };
    kept = entry;
    entry.value.then(
      () => (entry.until = now() + ttlMs),
      () => {
        if (kept === entry) kept = undefined;
      },
    );
    return entry.value;
  };
}
