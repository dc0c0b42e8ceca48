import { Command } from '@nestjs/cqrs';
import type { Actor } from '#domain';
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
