import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import type { ExternalReference } from '#contracts';
import { CLOCK, type Clock } from '#domain';
import { Outbox } from '#messaging';
import { PartnerIncidentStream } from '../../partner-stream/partner-incident-stream.js';
import type { IncidentDetails } from '../domain/incident-details.js';
import { Incident } from '../domain/incident.js';
import type { ProtectedData } from '../domain/protected-data.js';
import { IncidentRepository } from '../infrastructure/incident.repository.js';
import { ProtectedDataRepository } from '../infrastructure/protected-data.repository.js';

export interface Reporter {
  subject: string;
  organisation: string;
}

/** Records a new incident, its history, its events and its protected data in the caller's transaction. */
@Injectable()
export class IncidentRecorder {
  constructor(
    @Inject(IncidentRepository) private readonly incidents: IncidentRepository,
    @Inject(ProtectedDataRepository) private readonly protectedData: ProtectedDataRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(PartnerIncidentStream) private readonly partner: PartnerIncidentStream,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async record(
    manager: EntityManager,
    input: { details: IncidentDetails; protectedData?: ProtectedData; reporter: Reporter; externalReference?: ExternalReference },
  ): Promise<{ incident: Incident; warnings: string[] }> {
    const { incident, warnings } = Incident.report(
      {
        id: uuidv7(),
        reference: await this.incidents.nextReference(manager, this.clock.now().getUTCFullYear()),
        details: input.details,
        reportedBy: input.reporter.subject,
        reportingOrganisation: input.reporter.organisation,
        externalReference: input.externalReference,
      },
      this.clock,
    );
    await this.incidents.insert(manager, incident);
    await this.outbox.append(manager, [...incident.pullEvents(), ...this.partner.eventsFor(undefined, incident)], incident.state.updatedAt);
    if (input.protectedData)
      await this.protectedData.save(manager, incident.id, input.protectedData, input.reporter.subject, incident.state.reportedAt);
    return { incident, warnings };
  }
}
