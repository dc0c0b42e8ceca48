import { Command } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { Incident } from '../domain/incident.js';

export class VerifyIncidentCommand extends Command<Incident> {
  constructor(
    readonly id: string,
    readonly expectedVersion: number | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}
