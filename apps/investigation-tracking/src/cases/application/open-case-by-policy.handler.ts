import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Transactions } from '#database';
import { CLOCK, type Clock } from '#domain';
import { Outbox } from '#messaging';
import { partnerCaseEvents } from '../../partner-stream/partner-case-view.js';
import { openingReason } from '../domain/opening-policy.js';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { IncidentFactsRepository } from '../infrastructure/incident-facts.repository.js';
import { CaseOpener } from './case-opener.js';
import { CaseSettings } from './case-settings.js';
import { OpenCaseByPolicyCommand } from './open-case-by-policy.command.js';

@CommandHandler(OpenCaseByPolicyCommand)
export class OpenCaseByPolicyHandler implements ICommandHandler<OpenCaseByPolicyCommand> {
  private readonly logger = new Logger(OpenCaseByPolicyHandler.name);

  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentFactsRepository) private readonly incidents: IncidentFactsRepository,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(CaseOpener) private readonly opener: CaseOpener,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(CaseSettings) private readonly settings: CaseSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ incidentId, version }: OpenCaseByPolicyCommand): Promise<void> {
    return this.transactions.run(async (manager) => {
      if (!(await this.incidents.recordStatus(manager, incidentId, version, 'verified'))) return;
      const incident = (await this.incidents.find(manager, incidentId))!;
      const reason = openingReason(this.settings.openingPolicy, incident);
      if (!reason || (await this.cases.caseIdOfIncident(manager, incidentId))) return;
      const opened = await this.opener.open(
        manager,
        incident,
        { owningOrganisation: incident.reportingOrganisation, openedBecause: 'opening_policy' },
        { by: 'system', now: this.clock.now(), newId: uuidv7 },
      );
      await this.outbox.append(manager, partnerCaseEvents(undefined, opened, opened.state.openedAt), opened.state.openedAt);
      this.logger.log({ msg: 'case opened by policy', caseId: opened.id, incidentId, reason });
    });
  }
}
