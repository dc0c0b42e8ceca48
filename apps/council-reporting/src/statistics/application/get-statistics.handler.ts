import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { HarmTypes, PersonnelStatuses, type HarmType, type PersonnelStatus } from '#contracts';
import { Transactions } from '#database';
import { countableCondition } from '#domain';
import { GetStatisticsQuery, type FigureGroup, type PersonnelTable, type Statistics } from './get-statistics.query.js';

interface SummaryRow {
  year: number;
  country_code: string;
  incidents: string;
  cases: string;
}

interface FigureRow {
  year: number;
  country_code: string;
  harm: HarmType;
  status: PersonnelStatus;
  count: string;
}

/** Reads the projection with SQL, grouped by year and country, and folds the groups into the totals. */
@QueryHandler(GetStatisticsQuery)
export class GetStatisticsHandler implements IQueryHandler<GetStatisticsQuery> {
  constructor(@Inject(Transactions) private readonly transactions: Transactions) {}

  async execute({ filter, actor }: GetStatisticsQuery): Promise<Statistics> {
    // A case event can arrive before its incident's; such a row is not an incident yet.
    const conditions = ['i.year IS NOT NULL'];
    const parameters: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    if (filter.year !== undefined) add('i.year = ?', filter.year);
    if (filter.countryCode !== undefined) add('i.country_code = ?', filter.countryCode);
    if (filter.status !== undefined) add('i.status = ?', filter.status);
    else conditions.push(`i.status <> 'rejected'`);
    conditions.push(
      ...countableCondition(actor, { confidentiality: 'i.confidentiality', owningOrganisation: 'i.owning_organisation' }, parameters),
    );
    const where = `WHERE ${conditions.join(' AND ')}`;

    // One snapshot for both reads: events projected in between must not give figures without their summary.
    const [summaries, figures] = await this.transactions.run(
      (manager) =>
        Promise.all([
          manager.query(
            `SELECT i.year, i.country_code, count(*) AS incidents, count(i.case_id) AS cases
             FROM reporting.incident_summary i ${where} GROUP BY i.year, i.country_code`,
            parameters,
          ) as Promise<SummaryRow[]>,
          manager.query(
            `SELECT i.year, i.country_code, f.harm, f.status, sum(f.count) AS count
             FROM reporting.personnel_figure f JOIN reporting.incident_summary i ON i.incident_id = f.incident_id
             ${where} GROUP BY i.year, i.country_code, f.harm, f.status`,
            parameters,
          ) as Promise<FigureRow[]>,
        ]),
      'REPEATABLE READ',
    );

    const overall = emptyGroup();
    const years = new Map<number, FigureGroup & { countries: Set<string> }>();
    const countries = new Map<string, FigureGroup>();
    for (const row of summaries) {
      const year = years.get(row.year) ?? { ...emptyGroup(), countries: new Set<string>() };
      year.countries.add(row.country_code);
      years.set(row.year, year);
      const country = countries.get(row.country_code) ?? emptyGroup();
      countries.set(row.country_code, country);
      for (const group of [overall, year, country]) {
        group.incidents += Number(row.incidents);
        group.casesOpened += Number(row.cases);
      }
    }
    for (const row of figures) {
      for (const group of [overall, years.get(row.year)!, countries.get(row.country_code)!])
        addCount(group.personnel, row.harm, row.status, Number(row.count));
    }
    return {
      ...overall,
      countries: countries.size,
      byYear: [...years]
        .sort(([a], [b]) => a - b)
        .map(([year, group]) => ({
          year,
          incidents: group.incidents,
          casesOpened: group.casesOpened,
          countries: group.countries.size,
          personnel: group.personnel,
        })),
      byCountry: [...countries].sort(([a], [b]) => a.localeCompare(b)).map(([countryCode, group]) => ({ countryCode, ...group })),
    };
  }
}

function emptyGroup(): FigureGroup {
  const personnel = Object.fromEntries(
    [...HarmTypes, 'all'].map((harm) => [harm, Object.fromEntries([...PersonnelStatuses, 'total'].map((status) => [status, 0]))]),
  ) as PersonnelTable;
  return { incidents: 0, casesOpened: 0, personnel };
}

function addCount(table: PersonnelTable, harm: HarmType, status: PersonnelStatus, count: number): void {
  for (const row of [table[harm], table.all]) {
    row[status] += count;
    row.total += count;
  }
}
