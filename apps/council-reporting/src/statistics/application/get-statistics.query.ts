import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { AccountabilityFigures } from '../../reports/domain/council-report.js';
import type { Dimension, GroupKey } from '../domain/dimensions.js';
import type { DisclosedCount } from '../domain/disclosure-control.js';
import type { ReportingPeriod } from '../domain/reporting-period.js';
import type { Disclosure } from './figure-filter.js';
import type { FiguresRequest } from './figures-request.js';

export interface StatisticsRow {
  group: GroupKey;
  incidents: number;
  /** People harmed; partners see 1 to 4 as "<5". */
  people: DisclosedCount;
  countries: number;
}

export interface Statistics {
  period: ReportingPeriod | null;
  groupBy: Dimension[];
  disclosure: Disclosure;
  /** The day overdue days are counted to. */
  asOf: string;
  totals: Omit<StatisticsRow, 'group'>;
  rows: StatisticsRow[];
  accountability: AccountabilityFigures;
}

export class GetStatisticsQuery extends Query<Statistics> {
  constructor(
    readonly request: FiguresRequest,
    /** Figures count only what this actor may count (the one access policy). */
    readonly actor: Actor,
  ) {
    super();
  }
}
