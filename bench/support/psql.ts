// The baselines' hand-written SQL, run as a person would run it: with psql and \timing.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { benchDatabaseUrl } from './bench-system.js';

export interface PsqlRun {
  /** The statements' milliseconds, summed. */
  ms: number;
  /** Each statement's rows, each row its fields as psql prints them. */
  results: string[][][];
}

/**
 * Runs `;`-separated statements in one psql session on the bench's database. The milliseconds
 * are psql's \timing ones: the server's time plus the round trip and the rows' transfer, as
 * HTTP has them too, but not psql's own start. It does not block the event loop: a socket the
 * service closes meanwhile must be seen closed before the next request, or that request fails on it.
 */
export async function timedPsql(sql: string): Promise<PsqlRun> {
  const statements = sql.split(';').filter((statement) => statement.trim());
  // Unaligned and tuples only: one line a row, fields split by '|', then the statement's "Time:" line.
  const { stdout: output } = await promisify(execFile)(
    'psql',
    ['-X', '-q', '-A', '-t', '-d', benchDatabaseUrl, '-c', '\\timing on', ...statements.flatMap((s) => ['-c', s])],
    {
      encoding: 'utf8',
    },
  );
  const run: PsqlRun = { ms: 0, results: [] };
  let rows: string[][] = [];
  for (const line of output.split('\n')) {
    const time = /^Time: ([\d.]+) ms/.exec(line);
    if (time) {
      run.ms += Number(time[1]);
      run.results.push(rows);
      rows = [];
    } else if (line) rows.push(line.split('|'));
  }
  if (run.results.length !== statements.length) throw new Error(`psql timed ${run.results.length} of ${statements.length} statements`);
  return run;
}
