import { Query } from '@nestjs/cqrs';
import type { IncidentHistoryEntry } from '../infrastructure/incident.repository.js';

export class GetIncidentHistoryQuery extends Query<IncidentHistoryEntry[]> {
  constructor(readonly id: string) {
    super();
  }
}
