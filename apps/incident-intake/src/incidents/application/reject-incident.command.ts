import type { Actor } from '../domain/access.js';
import { Command } from '@nestjs/cqrs';
import type { Incident, Rejection } from '../domain/incident.js';

export class RejectIncidentCommand extends Command<Incident> {
  constructor(
    readonly id: string,
    readonly expectedVersion: number | undefined,
    readonly rejection: Rejection,
    readonly actor: Actor,
  ) {
    super();
  }
}
