import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrail, Transactions } from '#database';
import { CLOCK, ForbiddenError, isAllowed, NotFoundError, type AccessAction, type Actor, type Clock, type GuardedRecord } from '#domain';
import type { Incident } from '../domain/incident.js';
import { IncidentRepository } from '../infrastructure/incident.repository.js';

/** What the access policy needs of an incident: the reporting organisation owns it. */
export const guardedRecordOf = (incident: Incident): GuardedRecord => ({
  confidentiality: incident.state.details.confidentiality,
  owningOrganisation: incident.state.reportingOrganisation,
});

/** Loads an incident the actor may see; one the actor may not see is answered as unknown. */
@Injectable()
export class IncidentFinder {
  constructor(
    @Inject(IncidentRepository) private readonly incidents: IncidentRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async visible(manager: EntityManager, id: string, actor: Actor): Promise<Incident> {
    const incident = await this.incidents.findById(manager, id);
    if (!incident || !isAllowed(actor, guardedRecordOf(incident), 'read')) {
      throw new NotFoundError(`No incident with id ${id}`);
    }
    return incident;
  }

  /**
   * Loads an incident the actor may see and act on: amending, verifying, rejecting and its
   * protected data belong to the reporting organisation (and admins); others get 403. Either
   * way the attempt goes into the audit trail: a permitted one with the caller's transaction
   * (it commits with the action), a refused one in a transaction of its own.
   */
  async permitted(
    manager: EntityManager,
    id: string,
    actor: Actor,
    action: Exclude<AccessAction, 'read'>,
    auditAction: string,
  ): Promise<Incident> {
    const incident = await this.visible(manager, id, actor);
    const allowed = isAllowed(actor, guardedRecordOf(incident), action);
    const entry = { actor: actorOf(actor), action: auditAction, recordType: 'incident', recordId: id };
    await this.audit.recordAccess(this.transactions, manager, entry, allowed, this.clock.now());
    if (!allowed) {
      throw new ForbiddenError(
        action === 'read_protected'
          ? 'Protected data of an incident is visible only to officers of the organisation that reported it'
          : `Incident ${incident.state.reference} was reported by ${incident.state.reportingOrganisation}; only its officers (and admins) may change it`,
      );
    }
    return incident;
  }
}

const actorOf = (actor: Actor) => ({ subject: actor.subject, role: actor.role, organisation: actor.organisation });
