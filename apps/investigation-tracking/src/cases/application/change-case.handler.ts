import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { Transactions } from '#database';
import { type Actor, type Clock, CLOCK, ConflictError, isAllowed, NotFoundError } from '#domain';
import { Outbox } from '#messaging';
import { partnerCaseEvents, partnerCaseView } from '../../partner-stream/partner-case-view.js';
import type { Case, TransitionContext } from '../domain/case.js';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { IncidentFactsRepository } from '../infrastructure/incident-facts.repository.js';
import { CaseFinder } from './case-finder.js';
import { CaseSettings } from './case-settings.js';
import type { CaseChange } from './case-changes.js';
import { ChangeCaseCommand } from './change-case.command.js';

/** Load the case its officers may change, apply one transition of the chain, save it with its events. */
@CommandHandler(ChangeCaseCommand)
export class ChangeCaseHandler implements ICommandHandler<ChangeCaseCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseFinder) private readonly finder: CaseFinder,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(IncidentFactsRepository) private readonly incidents: IncidentFactsRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(CaseSettings) private readonly settings: CaseSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ caseId, expectedVersion, change, actor }: ChangeCaseCommand): Promise<Case> {
    return this.transactions.run(async (manager) => {
      const found = await this.finder.permitted(manager, caseId, actor, 'write', `case.${change.kind}`, expectedVersion);
      const ctx: TransitionContext = { by: actor.subject, now: this.clock.now(), newId: uuidv7 };
      const before = partnerCaseView(found);
      await this.apply(manager, found, change, ctx, actor);
      await this.cases.update(manager, found, expectedVersion);
      await this.outbox.append(manager, [...found.pullEvents(), ...partnerCaseEvents(before, found, ctx.now)], ctx.now);
      return found;
    });
  }

  private async apply(manager: EntityManager, found: Case, change: CaseChange, ctx: TransitionContext, actor: Actor): Promise<void> {
    switch (change.kind) {
      case 'link_incident': {
        const incident = await this.incidents.find(manager, change.incidentId);
        if (
          !incident ||
          !isAllowed(actor, { confidentiality: incident.confidentiality, owningOrganisation: incident.reportingOrganisation }, 'read')
        ) {
          throw new NotFoundError(`No incident with id ${change.incidentId}`);
        }
        const inCase = await this.cases.caseIdOfIncident(manager, change.incidentId);
        if (inCase && inCase !== found.id) throw new ConflictError(`${incident.reference} is already in another case`);
        const { incidentId, reference: incidentReference, countryCode, confidentiality } = incident;
        return found.linkIncident(
          { incidentId, incidentReference, countryCode, confidentiality },
          change.linkKind,
          change.duplicateOfIncidentId,
          change.reason,
          ctx,
        );
      }
      case 'unlink_incident':
        return found.unlinkIncident(change.incidentId, change.reason, ctx);
      case 'add_concerned_state':
        return found.addConcernedState(change.stateCode, change.basis, change.reason, ctx);
      case 'override_reporting_policy':
        return found.overrideReportingPolicy(change.policy, change.reason, ctx);
      case 'request_investigation':
        return found.requestInvestigation(change.stateCode, change.request, ctx);
      case 'acknowledge':
        return found.acknowledge(change.stateCode, change.receivedOn, ctx);
      case 'report_progress':
        return found.reportProgress(change.stateCode, change.report, ctx);
      case 'assess':
        return void found.assess(change.stateCode, change.assessment, this.settings.delayThresholdDays, ctx);
      case 'determine':
        return found.determine(change.stateCode, change.proposal, this.settings.fourEyes, ctx);
      case 'approve_determination':
        return found.approveDetermination(change.stateCode, ctx);
      case 'refer':
        return void found.refer(change.stateCode, change.referral, ctx);
      case 'update_referral':
        return found.updateReferral(change.referralId, change.update, ctx);
      case 'record_prosecution':
        return void found.recordProsecution(change.prosecution, ctx);
      case 'update_prosecution':
        return found.updateProsecution(change.prosecutionId, change.update, ctx);
      case 'record_capacity_support':
        return void found.recordCapacitySupport(change.support, ctx);
      case 'update_capacity_support':
        return found.updateCapacitySupport(change.supportId, change.update, ctx);
      case 'update_survivor_support':
        return found.updateSurvivorSupport(change.supportKind, { personsSupported: change.personsSupported, status: change.status }, ctx);
      case 'register_evidence':
        return void found.registerEvidence(change.evidence, ctx);
      case 'transfer_evidence':
        return found.transferEvidence(change.itemId, { to: change.to, on: change.on, reason: change.reason }, ctx);
      case 'check_evidence':
        return void found.checkEvidence(change.itemId, change.sha256, ctx);
      case 'close':
        return found.close({ outcome: change.outcome, reason: change.reason }, ctx);
      case 'reopen':
        return found.reopen(change.reason, ctx);
    }
  }
}
