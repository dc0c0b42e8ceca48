import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ForbiddenError, isAllowed, NotFoundError, StaleVersionError, type AccessAction, type Actor } from '#domain';
import type { Case } from '../domain/case.js';
import { CaseRepository } from '../infrastructure/case.repository.js';

/**
 * Loads a case through the one access policy: a case the actor may not read is unknown (404),
 * one it may read but not work is forbidden (403), a stale If-Match is refused (412).
 */
@Injectable()
export class CaseFinder {
  constructor(@Inject(CaseRepository) private readonly cases: CaseRepository) {}

  async readable(manager: EntityManager, id: string, actor: Actor): Promise<Case> {
    const found = await this.cases.findById(manager, id);
    if (!found || !isAllowed(actor, guarded(found), 'read')) throw new NotFoundError(`No case with id ${id}`);
    return found;
  }

  async permitted(
    manager: EntityManager,
    id: string,
    actor: Actor,
    action: Exclude<AccessAction, 'read'>,
    expectedVersion?: number,
  ): Promise<Case> {
    const found = await this.readable(manager, id, actor);
    if (!isAllowed(actor, guarded(found), action)) {
      throw new ForbiddenError(
        `Case ${found.reference} is worked by ${found.state.owningOrganisation}; only its officers (and admins) may change it`,
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
