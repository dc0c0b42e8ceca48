// GET /statistics over many incidents generated straight into the projection tables, against
// the hand-written SQL of the same figures run with psql.
import type pg from 'pg';
import type { EntityManager } from 'typeorm';
import type { Dimension } from '../../apps/council-reporting/src/statistics/domain/dimensions.js';
import { IncidentFiguresReader } from '../../apps/council-reporting/src/statistics/infrastructure/incident-figures.reader.js';
import { benchToken, type BenchService } from '../support/bench-system.js';
import { timedPsql } from '../support/psql.js';

const admin = benchToken('admin', 'org-bench-admin');

/** Replaces the incident projections with `incidents` generated incidents (two personnel figures each, assets in some). */
export async function generateIncidents(pool: pg.Pool, incidents: number): Promise<void> {
  await pool.query('TRUNCATE reporting.incident_summary, reporting.personnel_figure, reporting.asset_figure, reporting.case_incident');
  await pool.query(
    `INSERT INTO reporting.incident_summary
       SELECT gen_random_uuid(), 'GEN-' || g, 1,
              (ARRAY['verified', 'verified', 'verified', 'reported', 'rejected'])[1 + g % 5],
              c.code, c.code, c.region,
              to_char(d, 'YYYY-MM-DD'), d, d, extract(year FROM d)::int, extract(month FROM d)::int,
              (ARRAY['shooting', 'kidnapping', 'bodily_assault', 'aerial_bombardment'])[1 + g % 4],
              (ARRAY['host_state_forces', 'non_state_armed_group_national', 'unknown'])[1 + g % 3],
              (ARRAY['public', 'restricted', 'confidential'])[1 + g % 3],
              'org-gen-' || (g % 50),
              -- people: the two personnel figures below
              2 + extract(year FROM d)::int % 3
         FROM generate_series(1, $1::int) g
         CROSS JOIN LATERAL (SELECT date '2000-01-01' + (g::bigint * 7919 % 9131)::int AS d) day
         CROSS JOIN LATERAL (SELECT (ARRAY['SD', 'SS', 'AF', 'SY', 'YE', 'ML', 'CD', 'SO', 'CF', 'NG', 'UA', 'PS'])[1 + g % 12] AS code,
                                    (ARRAY['Northern Africa', 'Eastern Africa', 'Southern Asia', 'Western Asia', 'Western Asia', 'Western Africa',
                                           'Middle Africa', 'Eastern Africa', 'Middle Africa', 'Western Africa', 'Eastern Europe', 'Western Asia'])[1 + g % 12] AS region) c`,
    [incidents],
  );
  // Only the generated ones: the warm-up's incidents may still be projected after the TRUNCATE, with their own figures.
  await pool.query(
    `INSERT INTO reporting.personnel_figure
       SELECT incident_id, 'killed', 'national', 'unknown', 'unknown', 1 + year % 3 FROM reporting.incident_summary WHERE reference LIKE 'GEN-%'
       UNION ALL
       SELECT incident_id, 'wounded', 'international', 'unknown', 'unknown', 1 FROM reporting.incident_summary WHERE reference LIKE 'GEN-%'`,
  );
  // Premises or assets hit in one incident of four, for the Council report's premises table.
  await pool.query(
    `INSERT INTO reporting.asset_figure
       SELECT incident_id, (ARRAY['vehicle', 'office_or_compound', 'warehouse', 'health_facility'])[1 + n / 4 % 4], n % 3 = 0, n % 5 = 0
         FROM (SELECT incident_id, substr(reference, 5)::int AS n FROM reporting.incident_summary WHERE reference LIKE 'GEN-%') i
        WHERE n % 4 = 0`,
  );
  await pool.query('ANALYZE reporting.incident_summary, reporting.personnel_figure, reporting.asset_figure, reporting.case_incident');
}

export interface StatisticsQuery {
  name: string;
  /** The query string of GET /statistics. */
  http: string;
  groupBy: Dimension[];
  /** What a person would write by hand for the same figures: the groups, then the totals. */
  sql: string;
}

/** Incidents a figure counts (as an admin sees them): not rejected, not a duplicate linked in a case. */
export const counted = `i.status <> 'rejected' AND NOT EXISTS (SELECT 1 FROM reporting.case_incident d WHERE d.incident_id = i.incident_id AND d.link_kind = 'duplicate')`;

export const StatisticsQueries: StatisticsQuery[] = [
  {
    name: 'groupBy=country,year',
    http: 'groupBy=country,year',
    groupBy: ['country', 'year'],
    sql: `SELECT country_code, year, count(*), sum(i.people) FROM reporting.incident_summary i WHERE ${counted} GROUP BY 1, 2 ORDER BY 1, 2;
          SELECT count(*), count(DISTINCT country_code), sum(i.people) FROM reporting.incident_summary i WHERE ${counted};`,
  },
  {
    name: 'groupBy=harm, period=2020',
    http: 'groupBy=harm&period=2020',
    groupBy: ['harm'],
    sql: `SELECT p.harm, count(DISTINCT i.incident_id), sum(p.count) FROM reporting.incident_summary i JOIN reporting.personnel_figure p USING (incident_id)
           WHERE ${counted} AND i.occurred_from >= '2020-01-01' AND i.occurred_to <= '2020-12-31' GROUP BY 1 ORDER BY 1;
          SELECT count(*), count(DISTINCT country_code), sum(i.people) FROM reporting.incident_summary i
           WHERE ${counted} AND i.occurred_from >= '2020-01-01' AND i.occurred_to <= '2020-12-31';`,
  },
];

/** Milliseconds of GET /statistics, body read, as an admin. */
export async function statisticsOverHttp(reporting: BenchService, query: StatisticsQuery): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${reporting.url}/statistics?${query.http}`, { headers: { Authorization: `Bearer ${admin}` } });
  await response.text();
  if (!response.ok) throw new Error(`GET /statistics?${query.http} answered ${response.status}`);
  return performance.now() - started;
}

/** Milliseconds of the hand-written SQL, run with psql. */
export async function statisticsOverPsql(query: StatisticsQuery): Promise<number> {
  return (await timedPsql(query.sql)).ms;
}

/** EXPLAIN (ANALYZE, BUFFERS) of the exact SQL the service runs for the rows of `groupBy` (as an admin). */
export async function explainServiceQuery(pool: pg.Pool, groupBy: Dimension[]): Promise<string> {
  let captured: [string, unknown[]] | undefined;
  // The reader's SQL, caught instead of run, so the plan is of the query the service sends.
  const capture = { query: async (sql: string, parameters: unknown[]) => ((captured = [sql, parameters]), []) } as unknown as EntityManager;
  await new IncidentFiguresReader('reporting').figures(
    capture,
    { subject: 'bench-admin', role: 'admin', organisation: 'org-bench-admin' },
    { where: {} },
    groupBy,
  );
  const [sql, parameters] = captured!;
  const { rows } = await pool.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, parameters);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}
