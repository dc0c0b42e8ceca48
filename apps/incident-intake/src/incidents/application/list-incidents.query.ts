import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { Incident } from '../domain/incident.js';
import type { IncidentFilter } from './incident-filter.js';

export const IncidentSorts = ['occurredOn', '-occurredOn', 'reportedAt', '-reportedAt'] as const;
export type IncidentSort = (typeof IncidentSorts)[number];

export interface IncidentPage {
  items: Incident[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

export class ListIncidentsQuery extends Query<IncidentPage> {
  constructor(
    readonly filter: IncidentFilter,
    readonly sort: IncidentSort,
    readonly limit: number,
    readonly cursor: string | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}
