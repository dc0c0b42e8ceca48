import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ForbiddenError } from '#domain';
import { mayAccessProtectedData, type Actor } from '../domain/access.js';
import { IncidentFinder } from './incident-finder.js';

/** Refuses anyone outside the reporting organisation (or admin) before protected data is touched. */
@Injectable()
export class ProtectedDataAccess {
  constructor(@Inject(IncidentFinder) private readonly finder: IncidentFinder) {}

  async assert(manager: EntityManager, incidentId: string, actor: Actor): Promise<void> {
    const incident = await this.finder.visible(manager, incidentId, actor);
    if (!mayAccessProtectedData(actor, incident.state.reportingOrganisation)) {
      throw new ForbiddenError('Protected data of an incident is visible only to officers of the organisation that reported it');
    }
  }
}
