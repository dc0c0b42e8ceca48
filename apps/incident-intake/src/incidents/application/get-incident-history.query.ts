import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { IncidentHistoryEntry } from '../infrastructure/incident.repository.js';

export class GetIncidentHistoryQuery extends Query<IncidentHistoryEntry[]> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
