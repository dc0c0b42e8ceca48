import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { HarmType, PersonnelStatus } from '#contracts';
import { Transactions } from '#database';
import { LiveProjectionSchema } from '../../projections/infrastructure/projection-tables.js';
import { disclosePeople } from '../domain/disclosure-control.js';
import { hxlTable, type HxlRow, type HxlTable } from '../domain/hxl-table.js';
import { IncidentFiguresReader } from '../infrastructure/incident-figures.reader.js';
import { disclosureFor } from './figure-filter.js';
import { figureFilterOf } from './figures-request.js';
import { ExportStatisticsHxlQuery } from './export-statistics-hxl.query.js';

@QueryHandler(ExportStatisticsHxlQuery)
export class ExportStatisticsHxlHandler implements IQueryHandler<ExportStatisticsHxlQuery> {
  private readonly incidents = new IncidentFiguresReader(LiveProjectionSchema);

  constructor(@Inject(Transactions) private readonly transactions: Transactions) {}

  async execute({ request, actor }: ExportStatisticsHxlQuery): Promise<HxlTable> {
    const filter = figureFilterOf(request);
    // Harm and status are the table's columns; affiliation and gender may still group its lines.
    const dimensions = (request.groupBy ?? []).filter((dimension) => dimension !== 'harm' && dimension !== 'personnel');
    const [groups, people] = await this.transactions.run(
      (manager) =>
        Promise.all([
          this.incidents.figures(manager, actor, filter, dimensions),
          this.incidents.figures(manager, actor, filter, [...dimensions, 'harm', 'personnel']),
        ]),
      'REPEATABLE READ',
    );
    const partner = disclosureFor(actor) === 'partner';
    const keyOf = (group: Record<string, string | undefined>) => JSON.stringify(dimensions.map((dimension) => group[dimension]));
    const rows = new Map<string, HxlRow>(groups.map(({ group, incidents }) => [keyOf(group), { group, incidents, people: {} }]));
    for (const { group, people: count } of people) {
      // Every group with people is a group of incidents too.
      const row = rows.get(keyOf(group))!;
      const harm = group.harm as HarmType;
      row.people[harm] = { ...row.people[harm], [group.personnel as PersonnelStatus]: partner ? disclosePeople(count) : count };
    }
    return hxlTable(dimensions, [...rows.values()]);
  }
}
