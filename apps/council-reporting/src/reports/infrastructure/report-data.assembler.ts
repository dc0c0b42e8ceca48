import type { EntityManager } from 'typeorm';
import { HarmTypes, type AssetType, type HarmType, type MeansOfAttack, type PerpetratorCategory, type PersonnelStatus } from '#contracts';
import type { Actor } from '#domain';
import { projectionTable } from '../../projections/infrastructure/projection-tables.js';
import type { AccountabilityFilter } from '../../statistics/application/accountability-filter.js';
import type { FigureFilter } from '../../statistics/application/figure-filter.js';
import { codesInRegion, countryName } from '../../statistics/domain/countries.js';
import type { Dimension, GroupKey } from '../../statistics/domain/dimensions.js';
import { previousPeriod, type ReportingPeriod } from '../../statistics/domain/reporting-period.js';
import { AccountabilityReader } from '../../statistics/infrastructure/accountability.reader.js';
import { IncidentFiguresReader, type FigureRow } from '../../statistics/infrastructure/incident-figures.reader.js';
import type { CouncilReportData, HarmTable, PeriodFigures, PersonnelSplit, ReportScope, TopicPosition } from '../domain/council-report.js';
import type { ReportRequest } from '../domain/report-request.js';

/** What a report is generated for: the request, who asked (their figures follow their access), and the data date. */
export interface ReportBasis {
  reportId: string;
  reference: string;
  request: ReportRequest;
  actor: Actor;
  asOf: Date;
}

/**
 * Reads every figure of a Council report from one schema of read models (the live one, or a
 * replay's) in the caller's snapshot, with the topic positions that make its watermark.
 */
export class ReportDataAssembler {
  private readonly incidents: IncidentFiguresReader;
  private readonly accountability: AccountabilityReader;

  constructor(private readonly schema: string) {
    this.incidents = new IncidentFiguresReader(schema);
    this.accountability = new AccountabilityReader(schema);
  }

  async assemble(manager: EntityManager, basis: ReportBasis): Promise<CouncilReportData> {
    const { request, actor } = basis;
    const where = scopeWhere(request.scope);
    const filter = { period: request.period, where };
    const accountabilityFilter: AccountabilityFilter = {
      period: request.period,
      stateCodes: scopeStates(request.scope),
      asOfDay: basis.asOf.toISOString().slice(0, 10),
    };
    const positions = await this.positions(manager);
    const figures = (dimensions: Dimension[], on: FigureFilter = filter) => this.incidents.figures(manager, actor, on, dimensions);

    const [current, previous, countries, countryPeople, premises, perpetrators, means, months, years] = await Promise.all([
      this.periodFigures(manager, actor, filter),
      this.periodFigures(manager, actor, { ...filter, period: previousPeriod(request.period) }),
      figures(['country']),
      figures(['country', 'harm', 'personnel']),
      this.incidents.premises(manager, actor, filter),
      figures(['perpetrator']),
      figures(['means']),
      figures(['month']),
      figures(['year', 'personnel']),
    ]);
    const tracks = await this.accountability.tracks(manager, actor, accountabilityFilter);
    const accountability = await this.accountability.figures(manager, actor, accountabilityFilter, tracks);

    const peopleByCountry = groupRows(countryPeople, (group) => group.country!);
    return {
      reportId: basis.reportId,
      reference: basis.reference,
      language: request.language,
      period: request.period,
      scope: request.scope,
      watermark: { asOf: basis.asOf.toISOString(), positions },
      attacks: {
        current,
        previous,
        byCountry: countries
          .map(({ group, incidents }) => {
            const byHarm = harmTable(peopleByCountry.get(group.country!) ?? []);
            return { countryCode: group.country!, countryName: countryName(group.country!), incidents, affected: sumOf(byHarm), byHarm };
          })
          .sort((a, b) => b.affected.total - a.affected.total || a.countryCode.localeCompare(b.countryCode)),
        premises: premises.map((row) => ({ ...row, assetType: row.assetType as AssetType })),
        perpetrators: perpetrators.map(({ group, incidents }) => ({ category: group.perpetrator as PerpetratorCategory, incidents })),
        meansOfAttack: means.map(({ group, incidents }) => ({ means: group.means as MeansOfAttack, incidents })),
        byMonth: months
          .filter(({ group }) => group.month !== 'unknown')
          .map(({ group, incidents }) => ({ month: group.month!, incidents })),
        byYear: [...groupRows(years, (group) => group.year!)].map(([year, rows]) => ({ year: Number(year), affected: splitOf(rows) })),
      },
      accountability,
      // The annex row of each track, without what only the figures use.
      annex: tracks.map(({ caseId: _case, measures: _measures, maxDaysOverdue: _days, ratings: _ratings, ...row }) => row),
    };
  }

  private async periodFigures(
    manager: EntityManager,
    actor: Actor,
    filter: FigureFilter & { period: ReportingPeriod },
  ): Promise<PeriodFigures> {
    const [[total], people] = await Promise.all([
      this.incidents.figures(manager, actor, filter, []),
      this.incidents.figures(manager, actor, filter, ['harm', 'personnel']),
    ]);
    const byHarm = harmTable(people);
    return { period: filter.period, incidents: total!.incidents, countries: total!.countries, affected: sumOf(byHarm), byHarm };
  }

  private async positions(manager: EntityManager): Promise<TopicPosition[]> {
    const rows: { topic: string; partition: number; next_offset: string }[] = await manager.query(
      `SELECT topic, partition, next_offset::text FROM ${projectionTable(this.schema, 'projection_position')} ORDER BY topic, partition`,
    );
    return rows.map((row) => ({ topic: row.topic, partition: row.partition, nextOffset: row.next_offset }));
  }
}

function scopeWhere(scope: ReportScope): GroupKey {
  if (scope.kind === 'region') return { region: scope.code };
  if (scope.kind === 'concerned_state') return { concernedState: scope.code };
  return {};
}

function scopeStates(scope: ReportScope): string[] | undefined {
  if (scope.kind === 'region') return codesInRegion(scope.code!);
  if (scope.kind === 'concerned_state') return [scope.code!];
  return undefined;
}

function groupRows(rows: FigureRow[], keyOf: (group: GroupKey) => string): Map<string, FigureRow[]> {
  const groups = new Map<string, FigureRow[]>();
  for (const row of rows) groups.set(keyOf(row.group), [...(groups.get(keyOf(row.group)) ?? []), row]);
  return groups;
}

/** People of rows grouped by personnel status. */
function splitOf(rows: FigureRow[]): PersonnelSplit {
  const split = { national: 0, international: 0, total: 0 };
  for (const { group, people } of rows) {
    split[group.personnel as PersonnelStatus] += people;
    split.total += people;
  }
  return split;
}

/** People of rows grouped by harm and personnel status, every harm present. */
function harmTable(rows: FigureRow[]): HarmTable {
  const byHarm = groupRows(rows, (group) => group.harm!);
  return Object.fromEntries(HarmTypes.map((harm) => [harm, splitOf(byHarm.get(harm) ?? [])])) as HarmTable;
}

function sumOf(table: HarmTable): PersonnelSplit {
  const sum = { national: 0, international: 0, total: 0 };
  for (const harm of Object.keys(table) as HarmType[]) {
    sum.national += table[harm].national;
    sum.international += table[harm].international;
    sum.total += table[harm].total;
  }
  return sum;
}
