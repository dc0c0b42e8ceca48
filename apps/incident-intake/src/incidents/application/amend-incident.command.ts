import { Command } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { IncidentDetails } from '../domain/incident-details.js';
import type { Incident } from '../domain/incident.js';

export class AmendIncidentCommand extends Command<{ incident: Incident; changedFields: string[]; warnings: string[] }> {
  constructor(
    readonly id: string,
    readonly expectedVersion: number,
    /** Fields to replace; `null` clears an optional field. */
    readonly changes: { [K in keyof IncidentDetails]?: IncidentDetails[K] | null },
    readonly reason: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
