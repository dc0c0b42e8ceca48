// A Council report's JSON over the generated incidents, from its request to its download,
// against the hand-written SQL of the same figures run with psql.
import type { CouncilReportData } from '../../apps/council-reporting/src/reports/domain/council-report.js';
import { parsePeriod, previousPeriod, type ReportingPeriod } from '../../apps/council-reporting/src/statistics/domain/reporting-period.js';
import { benchToken, type BenchService } from '../support/bench-system.js';
import { timedPsql } from '../support/psql.js';
import { until } from '../support/until.js';
import { counted } from './statistics.js';

const admin = benchToken('admin', 'org-bench-admin');
const headers = { Authorization: `Bearer ${admin}`, 'Content-Type': 'application/json' };

/** The Secretary-General's annual report form: a year and the first half of the next, every country. */
export const CouncilReportRequest = { period: '2023+H1', scope: 'all' } as const;

export interface CouncilReportRun {
  /** POST /reports until the completed report's JSON is read. */
  ms: number;
  /** The job's own time as it records it: claimed → completed (figures, six formats rendered, stored). */
  jobMs: number;
  report: CouncilReportData;
}

async function answer<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * One report over HTTP: POST /reports, GET /reports/:id every few milliseconds until it is
 * completed, then GET its JSON. The request wakes the job runner, so no polling interval of
 * the service's stands between them on an idle instance.
 */
export async function councilReportOverHttp(reporting: BenchService): Promise<CouncilReportRun> {
  const started = performance.now();
  const requested = await fetch(`${reporting.url}/reports`, { method: 'POST', headers, body: JSON.stringify(CouncilReportRequest) });
  await answer(requested, 'POST /reports');
  const location = requested.headers.get('Location')!;
  let job: { status: string; failure: string | null; startedAt: string; finishedAt: string } | undefined;
  await until(
    async () => {
      job = await answer(await fetch(`${reporting.url}${location}`, { headers }), `GET ${location}`);
      if (job!.status === 'failed') throw new Error(`the report failed: ${job!.failure}`);
      return job!.status === 'completed';
    },
    600_000,
    `the report ${location}`,
  );
  const report = await answer<CouncilReportData>(await fetch(`${reporting.url}${location}/download?format=json`, { headers }), 'download');
  return { ms: performance.now() - started, jobMs: Date.parse(job!.finishedAt) - Date.parse(job!.startedAt), report };
}

/** Incidents a report counts in `period` (as an admin, every country). */
function inPeriod(period: ReportingPeriod): string {
  return `${counted} AND i.occurred_from >= '${period.from}' AND i.occurred_to <= '${period.to}'`;
}

/** The figures of one period: its totals (first), then people by harm and personnel status. */
function periodSql(period: ReportingPeriod): string {
  return `SELECT count(DISTINCT i.incident_id), count(DISTINCT i.country_code), coalesce(sum(p.count), 0)
            FROM reporting.incident_summary i LEFT JOIN reporting.personnel_figure p USING (incident_id) WHERE ${inPeriod(period)};
          SELECT p.harm, p.status, sum(p.count) FROM reporting.incident_summary i JOIN reporting.personnel_figure p USING (incident_id)
           WHERE ${inPeriod(period)} GROUP BY 1, 2 ORDER BY 1, 2;`;
}

/**
 * What a person would write by hand for every figure the report assembler reads: the topic
 * positions; the totals and harm table of the period and of the previous one; incidents and
 * people by country; premises hit; incidents by perpetrator, means and month; people by year and
 * status; and the accountability chain (each State's track of each case, referrals,
 * prosecutions, capacity and survivor support) of the cases whose incident is in the period.
 */
export function councilReportSql(period: ReportingPeriod, asOfDay: string): string {
  const where = inPeriod(period);
  const incidents = `FROM reporting.incident_summary i WHERE ${where}`;
  const people = `FROM reporting.incident_summary i JOIN reporting.personnel_figure p USING (incident_id) WHERE ${where}`;
  const cases = `FROM reporting.case_summary c JOIN reporting.incident_summary i ON i.incident_id = c.primary_incident_id
                  WHERE i.occurred_from >= '${period.from}' AND i.occurred_to <= '${period.to}'`;
  const ofCases = (table: string) => `FROM ${table} x WHERE x.case_id IN (SELECT c.case_id ${cases})`;
  return `SELECT topic, partition, next_offset FROM reporting.projection_position ORDER BY 1, 2;
    ${periodSql(period)}
    ${periodSql(previousPeriod(period))}
    SELECT country_code, count(*) ${incidents} GROUP BY 1 ORDER BY 1;
    SELECT i.country_code, p.harm, p.status, sum(p.count) ${people} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
    SELECT a.asset_type, count(DISTINCT i.incident_id), count(DISTINCT i.incident_id) FILTER (WHERE a.un),
           count(DISTINCT i.incident_id) FILTER (WHERE a.destroyed)
      FROM reporting.incident_summary i JOIN reporting.asset_figure a USING (incident_id) WHERE ${where} GROUP BY 1 ORDER BY 1;
    SELECT perpetrator_category, count(*) ${incidents} GROUP BY 1 ORDER BY 1;
    SELECT means_of_attack, count(*) ${incidents} GROUP BY 1 ORDER BY 1;
    SELECT year, month, count(*) ${incidents} AND month IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2;
    SELECT i.year, p.status, sum(p.count) ${people} GROUP BY 1, 2 ORDER BY 1, 2;
    SELECT c.reference, s.state_code, s.requested_on, s.acknowledged_on, s.reports_received, s.ratings, s.determination_proposed_on,
           s.determined_on, c.closed_on, date '${asOfDay}' - s.requested_on, o.overdue, o.max_days, r.referrals, r.latest, t.prosecutions, t.convictions
      FROM reporting.case_state s JOIN reporting.case_summary c USING (case_id) JOIN reporting.incident_summary i ON i.incident_id = c.primary_incident_id
      CROSS JOIN LATERAL (SELECT count(*) AS overdue, max(date '${asOfDay}' - due_on) AS max_days FROM reporting.case_overdue
                           WHERE case_id = s.case_id AND state_code = s.state_code AND resolved_on IS NULL) o
      CROSS JOIN LATERAL (SELECT count(*) AS referrals, (array_agg(status ORDER BY status_on DESC, referral_id DESC))[1] AS latest
                            FROM reporting.case_referral WHERE case_id = s.case_id AND state_code = s.state_code) r
      CROSS JOIN LATERAL (SELECT count(*) AS prosecutions, count(*) FILTER (WHERE verdict = 'convicted') AS convictions
                            FROM reporting.case_prosecution WHERE case_id = s.case_id AND state_code = s.state_code) t
     WHERE i.occurred_from >= '${period.from}' AND i.occurred_to <= '${period.to}'
     ORDER BY c.reference, s.state_code;
    SELECT mechanism, status, count(*) ${ofCases('reporting.case_referral')} GROUP BY 1, 2 ORDER BY 1, 2;
    SELECT trial_status, verdict, count(*), sum(accused_count) ${ofCases('reporting.case_prosecution')} GROUP BY 1, 2 ORDER BY 1, 2;
    SELECT kind, status, count(*) ${ofCases('reporting.case_capacity_support')} GROUP BY 1, 2 ORDER BY 1, 2;
    SELECT kind, status, count(*), sum(persons_supported) ${ofCases('reporting.case_survivor_support')} GROUP BY 1, 2 ORDER BY 1, 2;`;
}

/**
 * Milliseconds of the hand-written SQL of the report's figures. Throws unless its totals of the
 * period and of the previous one are those of `report`, so the baseline computes what the service does.
 */
export async function councilReportOverPsql(report: CouncilReportData): Promise<number> {
  const period = parsePeriod(CouncilReportRequest.period);
  const run = await timedPsql(councilReportSql(period, report.watermark.asOf.slice(0, 10)));
  // The statements after the positions: each period's totals come first.
  const [, [current], , [previous]] = run.results;
  for (const [name, figures, row] of [
    ['current', report.attacks.current, current],
    ['previous', report.attacks.previous, previous],
  ] as const) {
    const service = [figures.incidents, figures.countries, figures.affected.total].join('|');
    if (row?.join('|') !== service) throw new Error(`the ${name} period's totals differ: SQL ${row?.join('|')}, report ${service}`);
  }
  return run.ms;
}
