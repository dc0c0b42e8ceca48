import { Inject, Injectable } from '@nestjs/common';
import type { IncidentSnapshotV1 } from '#contracts';
import type { PendingEvent } from '#domain';
import type { Incident } from '../incidents/domain/incident.js';
import { OrganisationTypeDirectory } from './organisation-types.js';
import { partnerIncidentEvents } from './partner-incident-view.js';

/**
 * The partner topic's projector: appended with the internal events of the same change, in
 * the same transaction, so partners see exactly the changes that committed.
 */
@Injectable()
export class PartnerIncidentStream {
  constructor(@Inject(OrganisationTypeDirectory) private readonly organisations: OrganisationTypeDirectory) {}

  /** The partner events for `incident` as it is now, changed from `before` (none when new). */
  eventsFor(before: IncidentSnapshotV1 | undefined, incident: Incident): PendingEvent[] {
    const { reportingOrganisation, updatedAt } = incident.state;
    return partnerIncidentEvents(before, incident.snapshot(), this.organisations.typeOf(reportingOrganisation), updatedAt);
  }
}
