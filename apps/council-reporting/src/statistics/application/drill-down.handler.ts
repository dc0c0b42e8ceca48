import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor, Transactions } from '#database';
import { CLOCK, type Clock } from '#domain';
import { LiveProjectionSchema } from '../../projections/infrastructure/projection-tables.js';
import { AccountabilityReader } from '../infrastructure/accountability.reader.js';
import { IncidentFiguresReader } from '../infrastructure/incident-figures.reader.js';
import type { AccountabilityMeasure } from './accountability-filter.js';
import { DrillDownQuery, IncidentMeasures, type DrillDown } from './drill-down.query.js';
import { accountabilityFilterOf, figureFilterOf } from './figures-request.js';

const isReference = (value: string) => /^[A-Z]+-\d{4}-\d{1,12}$/.test(value);

/** Answers "which 163 incidents?": the references behind a figure, a page at a time. */
@QueryHandler(DrillDownQuery)
export class DrillDownHandler implements IQueryHandler<DrillDownQuery> {
  private readonly incidents = new IncidentFiguresReader(LiveProjectionSchema);
  private readonly accountability = new AccountabilityReader(LiveProjectionSchema);

  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ request, measure, page, actor }: DrillDownQuery): Promise<DrillDown> {
    const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor, isReference);
    return this.transactions.run(async (manager) => {
      if ((IncidentMeasures as readonly string[]).includes(measure)) {
        const filter = figureFilterOf(request);
        const [[figure], items] = await Promise.all([
          this.incidents.figures(manager, actor, filter, []),
          this.incidents.references(manager, actor, filter, { after, limit: page.limit + 1 }),
        ]);
        return this.page(
          'incidents',
          measure,
          measure === 'people' ? figure!.people : figure!.incidents,
          figure!.incidents,
          items,
          page.limit,
        );
      }
      const tracks = await this.accountability.tracks(
        manager,
        actor,
        accountabilityFilterOf(request, this.clock.now().toISOString().slice(0, 10)),
      );
      const counted = tracks.filter((track) => track.measures[measure as AccountabilityMeasure] > 0);
      const cases = [...new Map(counted.map((track) => [track.caseId, { id: track.caseId, reference: track.reference }])).values()];
      const rest = after ? cases.filter(({ reference, id }) => reference > after[0] || (reference === after[0] && id > after[1])) : cases;
      const figure = counted.reduce((sum, track) => sum + track.measures[measure as AccountabilityMeasure], 0);
      return this.page('cases', measure, figure, cases.length, rest.slice(0, page.limit + 1), page.limit);
    }, 'REPEATABLE READ');
  }

  private page(
    records: DrillDown['records'],
    measure: DrillDown['measure'],
    figure: number,
    total: number,
    items: DrillDown['items'],
    limit: number,
  ): DrillDown {
    const more = items.length > limit;
    const shown = items.slice(0, limit);
    const last = shown.at(-1);
    return { measure, records, figure, total, items: shown, nextCursor: more && last ? encodeCursor(last.reference, last.id) : null };
  }
}
