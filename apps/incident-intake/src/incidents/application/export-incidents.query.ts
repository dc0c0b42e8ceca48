import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { Incident } from '../domain/incident.js';
import type { IncidentFilter } from './incident-filter.js';

/** All incidents matching the filter, oldest first, read in batches so memory stays flat. */
export class ExportIncidentsQuery extends Query<AsyncIterable<Incident>> {
  constructor(
    readonly filter: IncidentFilter,
    readonly actor: Actor,
  ) {
    super();
  }
}
