import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditTrail, Transactions } from '#database';
import { type AccessAction, type Actor, type Clock, CLOCK, ForbiddenError, isAllowed, NotFoundError, StaleVersionError } from '#domain';
import type { Case } from '../domain/case.js';
import { CaseRepository } from '../infrastructure/case.repository.js';

/**
 * Loads a case through the one access policy: a case the actor may not read is unknown (404),
 * one it may read but not work is forbidden (403), a stale If-Match is refused (412).
 */
@Injectable()
export class CaseFinder {
  constructor(
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async readable(manager: EntityManager, id: string, actor: Actor): Promise<Case> {
    const found = await this.cases.findById(manager, id);
    if (!found || !isAllowed(actor, guarded(found), 'read')) throw new NotFoundError(`No case with id ${id}`);
    return found;
  }

  /** The attempt goes into the audit trail, permitted or refused. */
  async permitted(
    manager: EntityManager,
    id: string,
    actor: Actor,
    action: Exclude<AccessAction, 'read'>,
    auditAction: string,
    expectedVersion?: number,
  ): Promise<Case> {
    const found = await this.readable(manager, id, actor);
    const allowed = isAllowed(actor, guarded(found), action);
    const entry = {
      actor: { subject: actor.subject, role: actor.role, organisation: actor.organisation },
      action: auditAction,
      recordType: 'case',
      recordId: id,
    };
    await this.audit.recordAccess(this.transactions, manager, entry, allowed, this.clock.now());
    if (!allowed) {
      throw new ForbiddenError(
        action === 'read_protected'
          ? 'Protected data of a case is visible only to officers of the organisation that works it'
          : `Case ${found.reference} is worked by ${found.state.owningOrganisation}; only its officers (and admins) may change it`,
      );
    }
    if (expectedVersion !== undefined && expectedVersion !== found.version) {
      throw new StaleVersionError(
        `Case ${found.reference} is at version ${found.version}, not ${expectedVersion}; reload it and apply the change again`,
      );
    }
    return found;
  }
}

export function guarded(found: Case) {
  return { confidentiality: found.state.confidentiality, owningOrganisation: found.state.owningOrganisation };
}
