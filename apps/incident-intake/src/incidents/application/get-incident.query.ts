import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { Incident } from '../domain/incident.js';

export class GetIncidentQuery extends Query<Incident> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
