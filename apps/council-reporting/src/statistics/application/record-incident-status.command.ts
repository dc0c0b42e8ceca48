import { Command } from '@nestjs/cqrs';
import type { IncidentStatus } from '#contracts';

/** An incident was verified or rejected; rejected incidents leave the default figures. */
export class RecordIncidentStatusCommand extends Command<void> {
  constructor(
    readonly incidentId: string,
    readonly version: number,
    readonly status: IncidentStatus,
  ) {
    super();
  }
}
