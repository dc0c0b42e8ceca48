// npm run bench [-- --quick] — the benchmarks of issue 11, each against a baseline measured in
// the same run on the same machine (the machines are shared and noisy, so only ratios compare).
// It starts its own database and broker, prints one table and writes bench/results/latest.{json,md}.
// --quick runs each benchmark at a small size to check that it runs; it judges no target.
// --only post,propagation,import,rebuild,statistics runs some sections alone.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { CouncilReportRequest, councilReportOverHttp, councilReportOverPsql } from './benchmarks/council-report.js';
import { caseOpenedLagDuring, CaseOpenedWatcher, propagationProbe, RawRoundTrip } from './benchmarks/propagation.js';
import { rawConsume, rebuildReadModels } from './benchmarks/rebuild.js';
import {
  explainServiceQuery,
  generateIncidents,
  StatisticsQueries,
  statisticsOverHttp,
  statisticsOverPsql,
} from './benchmarks/statistics.js';
import { closedLoop, importExport, latencySpread, openLoop, postIncident, rawImport, rawIncidentInsert } from './benchmarks/write-path.js';
import {
  benchDatabaseUrl,
  brokerDown,
  brokerUp,
  residentBytes,
  resetDatabase,
  root,
  startService,
  type BenchService,
  type ServiceName,
} from './support/bench-system.js';
import { describe, figure, repeat, type Figure } from './support/figures.js';
import { IncidentRows } from './support/raw-rows.js';

const quick = process.argv.includes('--quick');
const SECTIONS = ['post', 'propagation', 'import', 'rebuild', 'statistics'] as const;
type Section = (typeof SECTIONS)[number];
const only = onlySections();
const size = quick
  ? { runs: 1, loadSeconds: 2, importRows: 300, rawImportRows: 300, probes: 3, incidents: 20_000, queryRuns: 2 }
  : {
      runs: 3,
      loadSeconds: 10,
      importRows: Number(process.env.BENCH_IMPORT_ROWS ?? 20_000),
      rawImportRows: Number(process.env.BENCH_IMPORT_ROWS ?? 20_000),
      probes: 15,
      incidents: 1_000_000,
      queryRuns: 5,
    };
// The 20,000-row import; BENCH_IMPORT_ROWS sets another size (for the raw baseline too).
const CONCURRENCY = 16;

/** `--only import,rebuild` runs those sections alone, to measure one lever before and after. */
function onlySections(): Set<Section> {
  const index = process.argv.indexOf('--only');
  if (index < 0) return new Set(SECTIONS);
  const wanted = (process.argv[index + 1] ?? '').split(',').filter(Boolean);
  const unknown = wanted.filter((name) => !(SECTIONS as readonly string[]).includes(name));
  if (wanted.length === 0 || unknown.length > 0) throw new Error(`--only takes a comma-separated list of ${SECTIONS.join(', ')}`);
  return new Set(wanted as Section[]);
}

interface Row {
  benchmark: string;
  unit: string;
  value: Figure;
  baseline?: Figure;
  /** value / baseline, or baseline / value when lower is better: ≥ 1 means slower than the baseline. */
  ratio?: number;
  target: string;
  met?: boolean;
}

const rows: Row[] = [];

/**
 * One row of the table. With a baseline, the ratio is how many times worse than it the value
 * is (`higherIsBetter` for rates); `limit` is the largest ratio the target allows, and `met`
 * is given instead where the target is not a ratio. Quick runs judge nothing.
 */
function record(row: Omit<Row, 'met' | 'ratio'>, judge: { limit?: number; met?: boolean; higherIsBetter?: boolean } = {}): void {
  const { value, baseline } = row;
  const ratio = baseline && (judge.higherIsBetter ? baseline.median / value.median : value.median / baseline.median);
  const met = judge.limit !== undefined && ratio !== undefined ? ratio <= judge.limit : judge.met;
  rows.push({ ...row, ratio, met: quick ? undefined : met });
  const shownBaseline = baseline ? `  baseline ${describe(baseline, row.unit)}` : '';
  const shownRatio = ratio === undefined ? '' : `  ratio ${ratio.toFixed(2)}`;
  console.log(`  ${row.benchmark}: ${describe(value, row.unit)}${shownBaseline}${shownRatio}`);
}

/** The baseline and the service measured in turn, so that a change in the machine's load touches both. */
async function inTurn(
  runs: number,
  baseline: () => Promise<number>,
  service: () => Promise<number>,
): Promise<{ value: Figure; baseline: Figure }> {
  const baselines: number[] = [];
  const values: number[] = [];
  for (let run = 0; run < runs; run++) {
    baselines.push(await baseline());
    values.push(await service());
  }
  return { value: figure(values), baseline: figure(baselines) };
}

interface Bench {
  pool: pg.Pool;
  intake: BenchService;
  reporting: BenchService;
  services: BenchService[];
  watcher: CaseOpenedWatcher;
  postedRows: IncidentRows;
  importedRows: IncidentRows;
}

async function main(): Promise<void> {
  const started = performance.now();
  console.log(`npm run bench${quick ? ' --quick' : ''}: preparing its database and broker…`);
  await resetDatabase();
  await brokerUp();
  const pool = new pg.Pool({ connectionString: benchDatabaseUrl, max: CONCURRENCY });
  const services: BenchService[] = [];
  let watcher: CaseOpenedWatcher | undefined;
  let plan = '';
  try {
    for (const name of ['incident-intake', 'investigation-tracking', 'council-reporting'] as ServiceName[])
      services.push(await startService(name));
    const [intake, , reporting] = services;
    watcher = await CaseOpenedWatcher.open();

    // Warm up (JIT, pools, the producer's connection), and keep one incident of each path as the raw baselines' rows.
    const posted = await postIncident(intake);
    for (let index = 0; index < 20; index++) await postIncident(intake);
    await importExport(intake, 50);
    const postedRows = await IncidentRows.of(pool, posted);
    const { rows: imported } = await pool.query<{ id: string }>('SELECT id FROM intake.incident WHERE external_source IS NOT NULL LIMIT 1');
    const importedRows = await IncidentRows.of(pool, imported[0].id);
    const bench: Bench = { pool, intake, reporting, services, watcher, postedRows, importedRows };

    if (only.has('post')) await postThroughput(bench);
    if (only.has('propagation')) await idlePropagation(bench);
    if (only.has('import')) await importUnderWatch(bench);
    else if (only.has('rebuild')) await importExport(intake, size.importRows);
    if (only.has('rebuild')) await rebuild();
    if (only.has('statistics')) plan = await statistics(bench);

    const minutes = (performance.now() - started) / 60_000;
    report(plan, minutes);
    if (!quick && rows.some((row) => row.met === false)) console.log('Some targets are not met (see the "met" column).');
  } finally {
    await watcher?.close();
    await Promise.all(services.map((running) => running.stop()));
    await pool.end();
    brokerDown();
  }
}

async function postThroughput({ pool, intake, postedRows }: Bench): Promise<void> {
  console.log(`POST /incidents at concurrency ${CONCURRENCY}, ${size.loadSeconds} s a run…`);
  const { value: throughput, baseline: rawThroughput } = await inTurn(
    size.runs,
    async () => (await closedLoop(CONCURRENCY, size.loadSeconds, rawIncidentInsert(pool, postedRows))).perSecond,
    async () => (await closedLoop(CONCURRENCY, size.loadSeconds, () => postIncident(intake))).perSecond,
  );
  record(
    {
      benchmark: 'POST /incidents throughput, concurrency 16',
      unit: 'req/s',
      value: throughput,
      baseline: rawThroughput,
      target: '≥ 50 % of raw (ratio ≤ 2)',
    },
    { limit: 2, higherIsBetter: true },
  );
  const halfRate = throughput.median / 2;
  const spreads = await repeat(size.runs, async () =>
    latencySpread((await openLoop(halfRate, size.loadSeconds, () => postIncident(intake))).latenciesMs),
  );
  const p50 = figure(spreads.map((spread) => spread.p50));
  const p99 = figure(spreads.map((spread) => spread.p99));
  record({ benchmark: `POST /incidents p50 at half load (${halfRate.toFixed(0)} req/s)`, unit: 'ms', value: p50, target: '—' });
  record(
    {
      benchmark: 'POST /incidents p99 at half load',
      unit: 'ms',
      value: p99,
      baseline: p50,
      target: 'p99 ≤ 5 × p50',
    },
    { limit: 5 },
  );
}

async function idlePropagation({ pool, intake, reporting, watcher }: Bench): Promise<void> {
  console.log(`Propagation on an idle system, ${size.probes} probes…`);
  const roundTrip = await RawRoundTrip.open(pool);
  const { value, baseline } = await inTurn(
    size.probes,
    () => roundTrip.once(),
    () => propagationProbe(intake, reporting, watcher, 'CM', 2016),
  );
  await roundTrip.close();
  record(
    {
      benchmark: 'propagation, idle: POST → case.opened and GET /statistics',
      unit: 'ms',
      value,
      baseline,
      target: 'median ≤ 2 × raw',
    },
    { limit: 2 },
  );
}

async function importUnderWatch({ pool, intake, services, watcher, importedRows }: Bench): Promise<void> {
  console.log(`AWSD import of ${size.importRows} rows, and the lag of case.opened meanwhile…`);
  const importing = importExport(intake, size.importRows);
  const lag = await caseOpenedLagDuring(intake, pool, watcher, importing, quick ? 120_000 : 600_000);
  const load = await importing;
  const rawImports = await repeat(size.runs, () => rawImport(pool, importedRows, size.rawImportRows));
  const importRate = figure([load.rowsPerSecond]);
  const rawImportRate = figure(rawImports);
  record(
    {
      benchmark: `AWSD import, ${size.importRows} rows`,
      unit: 'rows/s',
      value: importRate,
      baseline: rawImportRate,
      target: '≥ 50 % of raw (ratio ≤ 2)',
    },
    { limit: 2, higherIsBetter: true },
  );
  const lags = [...lag.lagsMs].sort((a, b) => a - b);
  const lagP99 = figure([lags[Math.ceil(lags.length * 0.99) - 1]]);
  record({
    benchmark: `case.opened lag during the import, p50 (${lags.length} probes)`,
    unit: 'ms',
    value: figure([lags[Math.ceil(lags.length / 2) - 1]]),
    target: '—',
  });
  record(
    { benchmark: 'case.opened lag during the import, p99', unit: 'ms', value: lagP99, target: 'p99 ≤ 2000 ms' },
    { met: lagP99.median <= 2000 },
  );
  record(
    {
      benchmark: 'backlog drained (all imported incidents projected) after the import answered',
      unit: 'ms',
      value: figure([lag.drainMs]),
      target: 'drains',
    },
    { met: true },
  );
  for (const running of services) {
    const rss = residentBytes(running.pid) / 1024 / 1024;
    record(
      { benchmark: `memory of ${running.name} after the load`, unit: 'MB RSS', value: figure([rss]), target: '≤ 250 MB' },
      { met: rss <= 250 },
    );
  }
}

async function rebuild(): Promise<void> {
  console.log('council-reporting rebuild from offset zero…');
  const rebuilds = await repeat(size.runs, () => rebuildReadModels());
  const [{ topics, events }] = rebuilds;
  const consumes = await repeat(size.runs, async () => (await rawConsume(topics)).perSecond);
  const rebuildRate = figure(rebuilds.map((run) => run.eventsPerSecond));
  const rawRate = figure(consumes);
  record(
    {
      benchmark: `rebuild from offset zero (${events} events)`,
      unit: 'events/s',
      value: rebuildRate,
      baseline: rawRate,
      target: '≥ 50 % of raw (ratio ≤ 2)',
    },
    { limit: 2, higherIsBetter: true },
  );
}

/** A row of milliseconds over HTTP against the hand-written SQL of the same figures: at most twice the SQL. */
function recordAgainstSql(benchmark: string, http: Figure, sql: Figure): void {
  record({ benchmark, unit: 'ms', value: http, baseline: sql, target: '≤ 2 × the SQL' }, { limit: 2 });
}

/** The table's statistics rows; the query plan of the service's statistics query. */
async function statistics({ pool, reporting }: Bench): Promise<string> {
  console.log(`GET /statistics over ${size.incidents} generated incidents…`);
  await generateIncidents(pool, size.incidents);
  for (const query of StatisticsQueries) {
    await statisticsOverHttp(reporting, query);
    await statisticsOverPsql(query);
    const http = figure(await repeat(size.queryRuns, () => statisticsOverHttp(reporting, query)));
    const sql = figure(await repeat(size.queryRuns, () => statisticsOverPsql(query)));
    recordAgainstSql(`GET /statistics?${query.http}, ${size.incidents} incidents`, http, sql);
  }
  await councilReport(reporting);
  const plan = await explainServiceQuery(pool, StatisticsQueries[0].groupBy);
  console.log(
    `\nEXPLAIN (ANALYZE, BUFFERS) of the service's statistics query (groupBy=country,year), ${size.incidents} incidents:\n${plan}\n`,
  );
  return plan;
}

/**
 * The Council report row, on the statistics section's incidents: POST /reports until the completed
 * report's JSON is downloaded, which includes the job rendering all six formats (the service
 * records no time of its figures alone), against the hand-written SQL of its figures.
 */
async function councilReport(reporting: BenchService): Promise<void> {
  const { period, scope } = CouncilReportRequest;
  console.log(`Council report ${period}, ${scope}, over ${size.incidents} generated incidents…`);
  await councilReportOverPsql((await councilReportOverHttp(reporting)).report);
  const runs = await repeat(size.queryRuns, () => councilReportOverHttp(reporting));
  const http = figure(runs.map((run) => run.ms));
  const sql = figure(await repeat(size.queryRuns, (index) => councilReportOverPsql(runs[index].report)));
  recordAgainstSql(`Council report JSON (${period}, ${scope}), POST → downloaded, ${size.incidents} incidents`, http, sql);
  record({
    benchmark: 'Council report, of which the job: claimed → completed (figures, six formats rendered, stored)',
    unit: 'ms',
    value: figure(runs.map((run) => run.jobMs)),
    target: '—',
  });
}

function report(plan: string, minutes: number): void {
  const header = ['benchmark', 'median (min–max)', 'baseline, same run', 'ratio', 'target', 'met'];
  const lines = rows.map((row) => [
    row.benchmark,
    describe(row.value, row.unit),
    row.baseline ? describe(row.baseline, row.unit) : '—',
    row.ratio === undefined ? '—' : row.ratio.toFixed(2),
    row.target,
    row.met === undefined ? '—' : row.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const text = [header, ...lines].map((line) => line.map((cell, column) => cell.padEnd(widths[column])).join('  ')).join('\n');
  console.log(`\n${text}\n\n${quick ? 'Quick run: small sizes, no targets judged. ' : ''}${minutes.toFixed(1)} min.`);
  const markdown = [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...lines.map((line) => `| ${line.join(' | ')} |`),
  ].join('\n');
  const results = join(root, 'bench/results');
  mkdirSync(results, { recursive: true });
  writeFileSync(join(results, 'latest.json'), `${JSON.stringify({ quick, at: new Date().toISOString(), minutes, rows, plan }, null, 2)}\n`);
  writeFileSync(join(results, 'latest.md'), `${markdown}\n`);
}

await main();
