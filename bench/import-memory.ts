// npm run bench:import — does an AWSD import stream, or does its memory grow with the file?
// Imports a synthetic export of N rows and one of 10 × N rows into a running incident-intake
// and compares how far the service's resident memory rises above its idle level for each.
// Streaming means the ratio stays near 1; holding the file would make it near 10.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import pg from 'pg';
import { localDefaults } from '#config';
import { mintToken } from '#auth';
import { systemClock } from '#domain';

const SMALL_ROWS = Number(process.env.BENCH_ROWS ?? 1500);
const TARGET_RATIO = 2;
const root = fileURLToPath(new URL('../../', import.meta.url));
const sharedData = process.env.SHARED_DATA_DIR ?? join(root, '..', 'shared', 'data');
const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const benchUrl = 'postgres://postgres@127.0.0.1:5432/accountability_bench';

/** N rows built from the sample's rows with fresh incident ids, each about 400 bytes. */
function syntheticExport(rows: number): string {
  const sample: string[][] = parse(readFileSync(join(sharedData, 'awsd-sample.csv')));
  const [header, ...records] = sample;
  const out: string[][] = [header];
  for (let index = 0; index < rows; index++) {
    const record = [...records[index % records.length]];
    record[0] = String(1_000_000 + index + rows * 10);
    out.push(record);
  }
  return stringify(out);
}

async function resetDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query('DROP DATABASE IF EXISTS accountability_bench WITH (FORCE)');
  await admin.query('CREATE DATABASE accountability_bench');
  await admin.end();
  process.env.DATABASE_URL = benchUrl;
  const { migrateAll } = await import('../migrations/run.js');
  await migrateAll('up', () => undefined);
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

async function main(): Promise<void> {
  await resetDatabase();
  const port = await freePort();
  // A small old space makes V8 collect garbage early, so resident memory shows what the import
  // keeps rather than what it has not yet collected; a file held whole would still have to fit.
  const service = spawn(process.execPath, ['--max-old-space-size=96', join(root, 'dist/apps/incident-intake/src/main.js')], {
    env: {
      ...process.env,
      DATABASE_URL: benchUrl,
      // No broker and no relay: the bench's thousands of incidents must not reach the local
      // topics (and the services a developer runs on them); they stay in the bench outbox.
      KAFKA_BROKERS: '127.0.0.1:1',
      OUTBOX_RELAY_ENABLED: 'false',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      IMPORT_MAX_BYTES: String(512 * 1024 * 1024),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let attempt = 0; ; attempt++) {
      const ready = await fetch(`${url}/health/live`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      if (attempt > 120) throw new Error('incident-intake did not start');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const token = mintToken(
      {
        JWT_ALGORITHM: 'HS256',
        JWT_SECRET: localDefaults.JWT_SECRET,
        JWT_ISSUER: localDefaults.JWT_ISSUER,
        JWT_AUDIENCE: localDefaults.JWT_AUDIENCE,
      },
      { sub: 'bench', role: 'officer', org: 'bench' },
      '8h',
      systemClock.now(),
    );

    // Warm up (JIT, pools), then settle, so the idle level is not the cold-start one.
    await importAndMeasure(url, token, syntheticExport(200), service.pid!);
    const small = await importAndMeasure(url, token, syntheticExport(SMALL_ROWS), service.pid!);
    const large = await importAndMeasure(url, token, syntheticExport(SMALL_ROWS * 10), service.pid!);

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
    service.kill('SIGTERM');
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
