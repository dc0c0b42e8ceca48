import { Query } from '@nestjs/cqrs';
import type { HarmType, PersonnelStatus } from '#contracts';

export interface StatisticsFilter {
  year?: number;
  countryCode?: string;
}

export interface Statistics {
  incidents: number;
  countries: number;
  casesOpened: number;
  personnel: Record<HarmType, Record<PersonnelStatus | 'total', number>>;
  byYear: { year: number; incidents: number; countries: number; personnel: Record<HarmType, Record<PersonnelStatus | 'total', number>> }[];
}

export class GetStatisticsQuery extends Query<Statistics> {
  constructor(readonly filter: StatisticsFilter) {
    super();
  }
}
