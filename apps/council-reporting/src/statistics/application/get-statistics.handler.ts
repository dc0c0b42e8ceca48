import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { CLOCK, type Clock } from '#domain';
import { disclosePeople } from '../domain/disclosure-control.js';
import { AccountabilityReader } from '../infrastructure/accountability.reader.js';
import { IncidentFiguresReader, type FigureRow } from '../infrastructure/incident-figures.reader.js';
import { LiveProjectionSchema } from '../../projections/infrastructure/projection-tables.js';
import { disclosureFor } from './figure-filter.js';
import { accountabilityFilterOf, figureFilterOf } from './figures-request.js';
import { GetStatisticsQuery, type Statistics, type StatisticsRow } from './get-statistics.query.js';

/** Figures grouped as asked, and the accountability figures, from one snapshot of the read models. */
@QueryHandler(GetStatisticsQuery)
export class GetStatisticsHandler implements IQueryHandler<GetStatisticsQuery> {
  private readonly incidents = new IncidentFiguresReader(LiveProjectionSchema);
  private readonly accountability = new AccountabilityReader(LiveProjectionSchema);

  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, actor }: GetStatisticsQuery): Promise<Statistics> {
    const filter = figureFilterOf(request);
    const groupBy = request.groupBy ?? [];
    const asOf = this.clock.now().toISOString().slice(0, 10);
    const accountabilityFilter = accountabilityFilterOf(request, asOf);
    const disclosure = disclosureFor(actor);
    // One snapshot: events projected in between must not give rows that disagree with the totals.
    const [rows, [totals], accountability] = await this.transactions.run(async (manager) => {
      const tracks = await this.accountability.tracks(manager, actor, accountabilityFilter);
      return Promise.all([
        this.incidents.figures(manager, actor, filter, groupBy),
        this.incidents.figures(manager, actor, filter, []),
        this.accountability.figures(manager, actor, accountabilityFilter, tracks),
      ]);
    }, 'REPEATABLE READ');
    const disclose = ({ group, incidents, people, countries }: FigureRow): StatisticsRow => ({
      group,
      incidents,
      people: disclosure === 'partner' ? disclosePeople(people) : people,
      countries,
    });
    const { group: _, ...total } = disclose(totals!);
    return { period: filter.period ?? null, groupBy, disclosure, asOf, totals: total, rows: rows.map(disclose), accountability };
  }
}
