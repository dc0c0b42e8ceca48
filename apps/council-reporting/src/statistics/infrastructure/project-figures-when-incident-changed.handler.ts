import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  IncidentAmended,
  IncidentRejected,
  IncidentReported,
  IncidentVerified,
  type IncidentAmendedV1,
  type IncidentRejectedV1,
  type IncidentReportedV1,
  type IncidentVerifiedV1,
} from '#contracts';
import type { CloudEvent, IntegrationEventHandler } from '#messaging';
import { RecordIncidentFiguresCommand } from '../application/record-incident-figures.command.js';
import { RecordIncidentStatusCommand } from '../application/record-incident-status.command.js';
import { figuresOf } from '../domain/incident-figures.js';

type IncidentEvent = IncidentReportedV1 | IncidentAmendedV1 | IncidentVerifiedV1 | IncidentRejectedV1;

/** Keeps the figures projection in step with every change of an incident. */
@Injectable()
export class ProjectFiguresWhenIncidentChangedHandler implements IntegrationEventHandler<IncidentEvent> {
  readonly contracts = [IncidentReported, IncidentAmended, IncidentVerified, IncidentRejected];

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(payload: IncidentEvent, event: CloudEvent<IncidentEvent>): Promise<void> {
    switch (event.type) {
      case IncidentReported.type:
      case IncidentAmended.type:
        return this.commands.execute(new RecordIncidentFiguresCommand(figuresOf(payload as IncidentReportedV1)));
      case IncidentVerified.type:
        return this.commands.execute(new RecordIncidentStatusCommand(payload.incidentId, payload.version, 'verified'));
      case IncidentRejected.type:
        return this.commands.execute(new RecordIncidentStatusCommand(payload.incidentId, payload.version, 'rejected'));
    }
  }
}
