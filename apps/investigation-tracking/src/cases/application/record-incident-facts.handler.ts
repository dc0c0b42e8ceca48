import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Transactions } from '#database';
import { CLOCK, type Clock } from '#domain';
import { Outbox } from '#messaging';
import { partnerCaseEvents, partnerCaseView } from '../../partner-stream/partner-case-view.js';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { IncidentFactsRepository } from '../infrastructure/incident-facts.repository.js';
import { RecordIncidentFactsCommand } from './record-incident-facts.command.js';

@CommandHandler(RecordIncidentFactsCommand)
export class RecordIncidentFactsHandler implements ICommandHandler<RecordIncidentFactsCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentFactsRepository) private readonly incidents: IncidentFactsRepository,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ facts }: RecordIncidentFactsCommand): Promise<void> {
    return this.transactions.run(async (manager) => {
      if (!(await this.incidents.record(manager, facts))) return;
      const found = await this.cases.lockCaseOfIncident(manager, facts.incidentId);
      if (!found) return;
      const readVersion = found.version;
      const now = this.clock.now();
      const before = partnerCaseView(found);
      found.incidentConfidentialityChanged(facts.incidentId, facts.confidentiality, { by: 'system', now, newId: uuidv7 });
      if (found.version === readVersion) return;
      await this.cases.update(manager, found, readVersion);
      await this.outbox.append(manager, [...found.pullEvents(), ...partnerCaseEvents(before, found, now)], now);
    });
  }
}
