import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Transactions } from '#database';
import { Outbox } from '#messaging';
import { partnerCaseEvents } from '../../partner-stream/partner-case-view.js';
import { type Clock, CLOCK, InconsistentInputError, isAllowed, NotFoundError } from '#domain';
import type { Case, TransitionContext } from '../domain/case.js';
import type { IncidentFacts } from '../domain/opening-policy.js';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { IncidentFactsRepository } from '../infrastructure/incident-facts.repository.js';
import { CaseOpener } from './case-opener.js';
import { OpenCaseCommand } from './open-case.command.js';

@CommandHandler(OpenCaseCommand)
export class OpenCaseHandler implements ICommandHandler<OpenCaseCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentFactsRepository) private readonly incidents: IncidentFactsRepository,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(CaseOpener) private readonly opener: CaseOpener,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ incidentIds, concernedStateCode, actor }: OpenCaseCommand): Promise<Case> {
    return this.transactions.run(async (manager) => {
      const facts: IncidentFacts[] = [];
      for (const incidentId of incidentIds) {
        const incident = await this.incidents.find(manager, incidentId);
        if (
          !incident ||
          !isAllowed(actor, { confidentiality: incident.confidentiality, owningOrganisation: incident.reportingOrganisation }, 'read')
        ) {
          throw new NotFoundError(`No incident with id ${incidentId}`, [{ field: 'incidentIds', problems: [`${incidentId} is unknown`] }]);
        }
        if (incident.status === 'rejected') {
          throw new InconsistentInputError(`${incident.reference} was rejected in intake; a case follows a reported or verified incident`, [
            { field: 'incidentIds', problems: [`${incident.reference} is rejected`] },
          ]);
        }
        facts.push(incident);
      }
      const ctx: TransitionContext = { by: actor.subject, now: this.clock.now(), newId: uuidv7 };
      const [primary, ...related] = facts;
      // An admin opens it for the organisation that reported the incident; an officer for their own.
      const owningOrganisation = actor.role === 'admin' ? primary.reportingOrganisation : actor.organisation;
      const opened = await this.opener.open(manager, primary, { owningOrganisation, openedBecause: 'officer', concernedStateCode }, ctx);
      for (const incident of related) {
        const { incidentId, reference: incidentReference, countryCode, confidentiality } = incident;
        opened.linkIncident({ incidentId, incidentReference, countryCode, confidentiality }, 'related', undefined, 'Opened together', ctx);
      }
      if (related.length > 0) {
        await this.cases.update(manager, opened, 1);
        await this.outbox.append(manager, opened.pullEvents(), ctx.now);
      }
      // After the related incidents: a case one of them makes confidential never reaches partners.
      await this.outbox.append(manager, partnerCaseEvents(undefined, opened, ctx.now), ctx.now);
      return opened;
    });
  }
}
