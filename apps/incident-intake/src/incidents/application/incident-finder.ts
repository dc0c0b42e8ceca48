import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundError } from '#domain';
import { maySee, type Actor } from '../domain/access.js';
import type { Incident } from '../domain/incident.js';
import { IncidentRepository } from '../infrastructure/incident.repository.js';

/** Loads an incident the actor may see; one the actor may not see is answered as unknown. */
@Injectable()
export class IncidentFinder {
  constructor(@Inject(IncidentRepository) private readonly incidents: IncidentRepository) {}

  async visible(manager: EntityManager, id: string, actor: Actor): Promise<Incident> {
    const incident = await this.incidents.findById(manager, id);
    if (
      !incident ||
      !maySee(actor, {
        confidentiality: incident.state.details.confidentiality,
        reportingOrganisation: incident.state.reportingOrganisation,
      })
    ) {
      throw new NotFoundError(`No incident with id ${id}`);
    }
    return incident;
  }
}
