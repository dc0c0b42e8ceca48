import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConflictError } from '#domain';
import { Outbox } from '#messaging';
import { Case, type TransitionContext } from '../domain/case.js';
import type { IncidentFacts } from '../domain/opening-policy.js';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { CaseSettings } from './case-settings.js';

/** Opens a case for an incident, by an officer or by the opening policy, in the caller's transaction. */
@Injectable()
export class CaseOpener {
  constructor(
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(CaseSettings) private readonly settings: CaseSettings,
  ) {}

  async open(
    manager: EntityManager,
    incident: IncidentFacts,
    opening: { owningOrganisation: string; openedBecause: 'opening_policy' | 'officer'; concernedStateCode?: string },
    ctx: TransitionContext,
  ): Promise<Case> {
    if (await this.cases.caseIdOfIncident(manager, incident.incidentId))
      throw new ConflictError(`${incident.reference} is already in a case`);
    const opened = Case.open(
      {
        id: ctx.newId(),
        reference: await this.cases.nextReference(manager, ctx.now.getUTCFullYear()),
        owningOrganisation: opening.owningOrganisation,
        openedBecause: opening.openedBecause,
        primaryIncident: {
          incidentId: incident.incidentId,
          incidentReference: incident.reference,
          countryCode: incident.countryCode,
          confidentiality: incident.confidentiality,
        },
        concernedStateCode: opening.concernedStateCode ?? incident.concernedStateCode,
        reportingPolicy: this.settings.reportingPolicy,
      },
      ctx,
    );
    await this.cases.insert(manager, opened);
    await this.outbox.append(manager, opened.pullEvents(), ctx.now);
    return opened;
  }
}
