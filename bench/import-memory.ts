// npm run bench:import — does an AWSD import stream, or does its memory grow with the file?
// Imports a synthetic export of N rows and one of 10 × N rows into a running incident-intake
// and compares how far the service's resident memory rises above its idle level for each.
// Streaming means the ratio stays near 1; holding the file would make it near 10.
import { syntheticExport } from './support/awsd-export.js';
import { benchToken, residentBytes, resetDatabase, startService } from './support/bench-system.js';

const SMALL_ROWS = Number(process.env.BENCH_ROWS ?? 1500);
const TARGET_RATIO = 2;

async function main(): Promise<void> {
  await resetDatabase();
  // A small old space makes V8 collect garbage early, so resident memory shows what the import
  // keeps rather than what it has not yet collected; a file held whole would still have to fit.
  const service = await startService('incident-intake', {
    nodeArgs: ['--max-old-space-size=96'],
    // No broker and no relay: this measures the import alone; the incidents stay in the bench outbox.
    env: { KAFKA_BROKERS: '127.0.0.1:1', OUTBOX_RELAY_ENABLED: 'false' },
    waitUntil: 'live',
  });
  try {
    const token = benchToken('officer');
    // Warm up (JIT, pools), then settle, so the idle level is not the cold-start one.
    await importAndMeasure(service.url, token, syntheticExport(200, 1_000_000), service.pid);
    const small = await importAndMeasure(service.url, token, syntheticExport(SMALL_ROWS, 2_000_000), service.pid);
    const large = await importAndMeasure(service.url, token, syntheticExport(SMALL_ROWS * 10, 3_000_000), service.pid);

    const ratio = large.growth / Math.max(small.growth, 1);
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    console.log(`rows   file      rss before  peak rss   growth     rows/s`);
    for (const run of [small, large]) {
      console.log(
        `${String(run.rows).padEnd(6)} ${mb(run.fileBytes).padEnd(9)} ${mb(run.before).padEnd(11)} ${mb(run.peak).padEnd(10)} ${mb(run.growth).padEnd(10)} ${run.rowsPerSecond.toFixed(0)}`,
      );
    }
    console.log(
      `memory growth ratio, 10x file / 1x file: ${ratio.toFixed(2)} (target <= ${TARGET_RATIO}; a whole-file import would approach 10)`,
    );
    console.log(`throughput ratio, 10x file / 1x file: ${(large.rowsPerSecond / small.rowsPerSecond).toFixed(2)}`);
    if (ratio > TARGET_RATIO) process.exitCode = 1;
  } finally {
    await service.stop();
  }
}

async function importAndMeasure(url: string, token: string, csv: string, pid: number) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const before = residentBytes(pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, residentBytes(pid))), 20);
  const started = performance.now();
  const response = await fetch(`${url}/incidents/imports`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv' },
    body: csv,
  });
  const summary = (await response.json()) as { created: number; failed: number };
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  if (!response.ok || summary.failed > 0) throw new Error(`import failed: ${response.status} ${JSON.stringify(summary).slice(0, 500)}`);
  return {
    rows: summary.created,
    fileBytes: Buffer.byteLength(csv),
    before,
    peak,
    growth: peak - before,
    rowsPerSecond: summary.created / seconds,
  };
}

await main();
