import { Query } from '@nestjs/cqrs';
import type { Incident } from '../domain/incident.js';

export class GetIncidentQuery extends Query<Incident> {
  constructor(readonly id: string) {
    super();
  }
}
