import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ForbiddenError } from '#domain';
import { mayAccessProtectedData } from '../domain/protected-data.js';
import { IncidentRepository } from '../infrastructure/incident.repository.js';

/** Refuses anyone outside the reporting organisation (or admin) before protected data is touched. */
@Injectable()
export class ProtectedDataAccess {
  constructor(@Inject(IncidentRepository) private readonly incidents: IncidentRepository) {}

  async assert(manager: EntityManager, incidentId: string, reader: { role: string; organisation: string }): Promise<void> {
    const incident = await this.incidents.getById(manager, incidentId);
    if (!mayAccessProtectedData(reader, incident.state.reportingOrganisation)) {
      throw new ForbiddenError('Protected data of an incident is visible only to officers of the organisation that reported it');
    }
  }
}
