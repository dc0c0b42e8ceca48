import type { EntityManager } from 'typeorm';
import { countableCondition, type Actor } from '#domain';
import { projectionTable } from '../../projections/infrastructure/projection-tables.js';
import { disclosureFor, type FigureFilter } from '../application/figure-filter.js';
import { isPersonDimension, OtherCountries, type Dimension, type GroupKey } from '../domain/dimensions.js';
import { SmallCountryYearIncidents } from '../domain/disclosure-control.js';

export interface FigureRow {
  group: GroupKey;
  incidents: number;
  /** People harmed (of the group's harm, status, affiliation or gender, when grouped so). */
  people: number;
  countries: number;
}

/** The SQL of every incident figure: one aggregation, grouped by the dimensions asked for. */
export class IncidentFiguresReader {
  constructor(private readonly schema: string) {}

  async figures(manager: EntityManager, actor: Actor, filter: FigureFilter, groupBy: readonly Dimension[]): Promise<FigureRow[]> {
    const query = this.build(actor, filter, groupBy);
    const groups = groupBy.map((dimension, index) => `${query.expression(dimension)} AS g${index}`);
    const groupKeys = groupBy.map((_, index) => `g${index}`);
    const grouped = groupKeys.length ? `GROUP BY ${groupKeys.join(', ')} ORDER BY ${groupKeys.join(', ')}` : '';
    const rows: Record<string, string | number | null>[] = await manager.query(
      query.rowPerIncident
        ? // One row per incident: counted by group and country, then by group, both hash aggregates, and
          // people are the incidents' own totals. DISTINCT counts would sort every incident (seconds at a million).
          `${query.with}
           SELECT ${[...groupKeys, 'coalesce(sum(incidents), 0) AS incidents', 'count(*) AS countries', 'coalesce(sum(people), 0) AS people'].join(', ')}
           FROM (SELECT ${[...groups, 'count(*) AS incidents', 'sum(i.people) AS people'].join(', ')}
                 FROM counted i ${query.where} GROUP BY ${[...groupKeys, 'i.country_code'].join(', ')}) per_country
           ${grouped}`
        : `${query.with}
           SELECT ${[...groups, 'count(DISTINCT i.incident_id) AS incidents', 'count(DISTINCT i.country_code) AS countries'].join(', ')},
                  ${query.usesPeople ? 'coalesce(sum(p.count), 0)' : 'coalesce(sum(i.people), 0)'} AS people
           FROM counted i ${query.joins}
           ${query.where}
           ${grouped}`,
      query.parameters,
    );
    return rows.map((row) => ({
      group: Object.fromEntries(groupBy.map((dimension, index) => [dimension, String(row[`g${index}`])])),
      incidents: Number(row.incidents),
      people: Number(row.people),
      countries: Number(row.countries),
    }));
  }

  /** Premises and assets hit, by type: incidents, of which on UN premises or assets, and of which destroyed. */
  async premises(
    manager: EntityManager,
    actor: Actor,
    filter: FigureFilter,
  ): Promise<{ assetType: string; incidents: number; unIncidents: number; destroyedIncidents: number }[]> {
    const query = this.build(actor, filter, []);
    const rows: { asset_type: string; incidents: string; un: string; destroyed: string }[] = await manager.query(
      `${query.with}
       SELECT f.asset_type, count(DISTINCT i.incident_id) AS incidents,
              count(DISTINCT i.incident_id) FILTER (WHERE f.un) AS un, count(DISTINCT i.incident_id) FILTER (WHERE f.destroyed) AS destroyed
       FROM counted i JOIN ${this.table('asset_figure')} f ON f.incident_id = i.incident_id ${query.joins}
       ${query.where} GROUP BY f.asset_type ORDER BY f.asset_type`,
      query.parameters,
    );
    return rows.map((row) => ({
      assetType: row.asset_type,
      incidents: Number(row.incidents),
      unIncidents: Number(row.un),
      destroyedIncidents: Number(row.destroyed),
    }));
  }

  /** The incidents behind a figure, by reference, a page at a time. */
  async references(
    manager: EntityManager,
    actor: Actor,
    filter: FigureFilter,
    page: { after?: [reference: string, incidentId: string]; limit: number },
  ): Promise<{ id: string; reference: string }[]> {
    const query = this.build(actor, filter, []);
    const conditions = query.conditions;
    if (page.after !== undefined)
      conditions.push(`(i.reference, i.incident_id) > (${query.parameter(page.after[0])}, ${query.parameter(page.after[1])}::uuid)`);
    return manager.query(
      `${query.with}
       SELECT DISTINCT i.incident_id AS id, i.reference FROM counted i ${query.joins}
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY i.reference, i.incident_id LIMIT ${query.parameter(page.limit)}`,
      query.parameters,
    );
  }

  private table(name: Parameters<typeof projectionTable>[1]): string {
    return projectionTable(this.schema, name);
  }

  private build(actor: Actor, filter: FigureFilter, groupBy: readonly Dimension[]) {
    const parameters: unknown[] = [];
    const parameter = (value: unknown) => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    const base: string[] = [];
    if (filter.period) {
      // An incident counts in a period when the whole of its (perhaps partial) date falls inside.
      base.push(`i.occurred_from >= ${parameter(filter.period.from)}::date`, `i.occurred_to <= ${parameter(filter.period.to)}::date`);
    }
    if (filter.status !== undefined) base.push(`i.status = ${parameter(filter.status)}`);
    else if (!filter.includeRejected) base.push(`i.status <> 'rejected'`);
    base.push(
      ...countableCondition(actor, { confidentiality: 'i.confidentiality', owningOrganisation: 'i.owning_organisation' }, parameters),
    );
    // A duplicate linked in a case is the same attack as another incident: it counts once, as that one.
    base.push(
      `NOT EXISTS (SELECT 1 FROM ${this.table('case_incident')} d WHERE d.incident_id = i.incident_id AND d.link_kind = 'duplicate')`,
    );

    const partner = disclosureFor(actor) === 'partner';
    // Partners see a country–year of fewer than three incidents only within "other".
    const folded = (column: string) =>
      partner
        ? `CASE WHEN (i.${column}, i.year) IN (SELECT ${column}, year FROM counted GROUP BY 1, 2 HAVING count(*) < ${SmallCountryYearIncidents})
             THEN '${OtherCountries}' ELSE i.${column}::text END`
        : `i.${column}::text`;
    const expressions: Record<Dimension, string> = {
      country: folded('country_code'),
      concernedState: folded('concerned_state_code'),
      region: 'i.region',
      year: 'i.year::text',
      quarter: `CASE WHEN i.month IS NULL THEN 'unknown' ELSE i.year || '-Q' || ((i.month + 2) / 3) END`,
      month: `CASE WHEN i.month IS NULL THEN 'unknown' ELSE i.year || '-' || lpad(i.month::text, 2, '0') END`,
      perpetrator: 'i.perpetrator_category',
      means: 'i.means_of_attack',
      harm: 'p.harm',
      personnel: 'p.status',
      affiliation: 'p.affiliation',
      gender: 'p.gender',
      premises: 'a.asset_type',
    };
    const filtered = Object.entries(filter.where).filter(([, value]) => value !== undefined) as [Dimension, string][];
    const used = new Set<Dimension>([...groupBy, ...filtered.map(([dimension]) => dimension)]);
    const usesPeople = [...used].some(isPersonDimension);
    const joins = [
      usesPeople ? `JOIN ${this.table('personnel_figure')} p ON p.incident_id = i.incident_id` : '',
      used.has('premises')
        ? `JOIN (SELECT DISTINCT incident_id, asset_type FROM ${this.table('asset_figure')}) a ON a.incident_id = i.incident_id`
        : '',
    ].join(' ');
    const conditions = filtered.map(([dimension, value]) => `${expressions[dimension]} = ${parameter(value)}`);
    return {
      with: `WITH counted AS (SELECT i.* FROM ${this.table('incident_summary')} i WHERE ${base.join(' AND ')})`,
      joins,
      conditions,
      get where() {
        return conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
      },
      usesPeople,
      /** No join repeats an incident, so its rows can be counted without DISTINCT. */
      rowPerIncident: !usesPeople && !used.has('premises'),
      parameters,
      parameter,
      expression: (dimension: Dimension) => expressions[dimension],
    };
  }
}
