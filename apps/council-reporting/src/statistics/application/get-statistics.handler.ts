import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { HarmTypes, PersonnelStatuses, type HarmType, type PersonnelStatus } from '#contracts';
import { Transactions } from '#database';
import { GetStatisticsQuery, type Statistics } from './get-statistics.query.js';

type PersonnelTable = Statistics['personnel'];

/** Reads the projection with SQL; figures are summed per year, harm and status. */
@QueryHandler(GetStatisticsQuery)
export class GetStatisticsHandler implements IQueryHandler<GetStatisticsQuery> {
  constructor(@Inject(Transactions) private readonly transactions: Transactions) {}

  async execute({ filter }: GetStatisticsQuery): Promise<Statistics> {
    const manager = this.transactions.manager();
    // A case event can arrive before its incident's; such a row is not an incident yet.
    const conditions: string[] = ['i.year IS NOT NULL'];
    const parameters: unknown[] = [];
    if (filter.year !== undefined) {
      parameters.push(filter.year);
      conditions.push(`i.year = $${parameters.length}`);
    }
    if (filter.countryCode !== undefined) {
      parameters.push(filter.countryCode);
      conditions.push(`i.country_code = $${parameters.length}`);
    }
    const where = `WHERE ${conditions.join(' AND ')}`;
    const years: { year: number; incidents: string; countries: string; cases: string }[] = await manager.query(
      `SELECT i.year, count(*) AS incidents, count(DISTINCT i.country_code) AS countries, count(i.case_id) AS cases
       FROM reporting.incident_summary i ${where} GROUP BY i.year ORDER BY i.year`,
      parameters,
    );
    const totals: { incidents: string; countries: string; cases: string }[] = await manager.query(
      `SELECT count(*) AS incidents, count(DISTINCT i.country_code) AS countries, count(i.case_id) AS cases
       FROM reporting.incident_summary i ${where}`,
      parameters,
    );
    const figures: { year: number; harm: HarmType; status: PersonnelStatus; count: string }[] = await manager.query(
      `SELECT i.year, f.harm, f.status, sum(f.count) AS count
       FROM reporting.personnel_figure f JOIN reporting.incident_summary i ON i.incident_id = f.incident_id
       ${where} GROUP BY i.year, f.harm, f.status`,
      parameters,
    );
    const overall = emptyTable();
    const byYear = years.map((row) => ({
      year: row.year,
      incidents: Number(row.incidents),
      countries: Number(row.countries),
      personnel: emptyTable(),
    }));
    for (const figure of figures) {
      const count = Number(figure.count);
      add(overall, figure.harm, figure.status, count);
      const year = byYear.find((entry) => entry.year === figure.year);
      if (year) add(year.personnel, figure.harm, figure.status, count);
    }
    return {
      incidents: Number(totals[0].incidents),
      countries: Number(totals[0].countries),
      casesOpened: Number(totals[0].cases),
      personnel: overall,
      byYear,
    };
  }
}

function emptyTable(): PersonnelTable {
  return Object.fromEntries(
    HarmTypes.map((harm) => [harm, Object.fromEntries([...PersonnelStatuses, 'total'].map((status) => [status, 0]))]),
  ) as PersonnelTable;
}

function add(table: PersonnelTable, harm: HarmType, status: PersonnelStatus, count: number): void {
  table[harm][status] += count;
  table[harm].total += count;
}
