import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { HarmType, IncidentStatus, PersonnelStatus } from '#contracts';

export interface StatisticsFilter {
  year?: number;
  countryCode?: string;
  /** Only incidents in this status; by default every incident that is not rejected. */
  status?: IncidentStatus;
}

/** People harmed, by harm (and `all`), split national (and locally recruited) / international. */
export type PersonnelTable = Record<HarmType | 'all', Record<PersonnelStatus | 'total', number>>;

export interface FigureGroup {
  incidents: number;
  casesOpened: number;
  personnel: PersonnelTable;
}

export interface Statistics extends FigureGroup {
  countries: number;
  byYear: (FigureGroup & { year: number; countries: number })[];
  byCountry: (FigureGroup & { countryCode: string })[];
}

export class GetStatisticsQuery extends Query<Statistics> {
  constructor(
    readonly filter: StatisticsFilter,
    /** Figures count only what this actor may count (the one access policy). */
    readonly actor: Actor,
  ) {
    super();
  }
}
