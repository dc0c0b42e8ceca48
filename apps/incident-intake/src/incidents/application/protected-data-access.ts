import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ForbiddenError, isAllowed, type AccessAction, type Actor } from '#domain';
import { guardedRecordOf, IncidentFinder } from './incident-finder.js';

/** Refuses anyone outside the reporting organisation (or admin) before protected data is touched. */
@Injectable()
export class ProtectedDataAccess {
  constructor(@Inject(IncidentFinder) private readonly finder: IncidentFinder) {}

  async assert(
    manager: EntityManager,
    incidentId: string,
    actor: Actor,
    action: Extract<AccessAction, 'read_protected' | 'write_protected'>,
  ): Promise<void> {
    const incident = await this.finder.visible(manager, incidentId, actor);
    if (!isAllowed(actor, guardedRecordOf(incident), action)) {
      throw new ForbiddenError('Protected data of an incident is visible only to officers of the organisation that reported it');
    }
  }
}
