import { Inject, Injectable } from '@nestjs/common';
import { Transactions } from '#database';
import { CLOCK, StaleVersionError, type Actor, type Clock } from '#domain';
import { Outbox } from '#messaging';
import { PartnerIncidentStream } from '../../partner-stream/partner-incident-stream.js';
import type { Incident } from '../domain/incident.js';
import { IncidentRepository } from '../infrastructure/incident.repository.js';
import { IncidentFinder } from './incident-finder.js';

/**
 * Load → domain method → save with its history and events, in one transaction. With an
 * expected version (If-Match), a change based on an older version is refused.
 */
@Injectable()
export class IncidentChanger {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentRepository) private readonly incidents: IncidentRepository,
    @Inject(IncidentFinder) private readonly finder: IncidentFinder,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(PartnerIncidentStream) private readonly partner: PartnerIncidentStream,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  change<T>(
    id: string,
    expectedVersion: number | undefined,
    actor: Actor,
    /** The audit trail's name of the change, e.g. `incident.verified`. */
    auditAction: string,
    /** Calls the domain method with the service's clock. */
    apply: (incident: Incident, clock: Clock) => T,
  ): Promise<{ incident: Incident; result: T }> {
    return this.transactions.run(async (manager) => {
      const incident = await this.finder.permitted(manager, id, actor, 'write', auditAction);
      const readVersion = incident.version;
      if (expectedVersion !== undefined && expectedVersion !== readVersion) {
        throw new StaleVersionError(
          `Incident ${incident.state.reference} is at version ${readVersion}, not ${expectedVersion}; reload it and apply the change again`,
        );
      }
      const before = incident.snapshot();
      const result = apply(incident, this.clock);
      await this.incidents.update(manager, incident, readVersion);
      await this.outbox.append(manager, [...incident.pullEvents(), ...this.partner.eventsFor(before, incident)], incident.state.updatedAt);
      return { incident, result };
    });
  }
}
