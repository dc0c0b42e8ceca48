import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Transactions } from '#database';
import { CLOCK, type Clock } from '#domain';
import { Outbox } from '#messaging';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { IncidentFactsRepository } from '../infrastructure/incident-facts.repository.js';
import { FlagCaseForReviewCommand } from './flag-case-for-review.command.js';

@CommandHandler(FlagCaseForReviewCommand)
export class FlagCaseForReviewHandler implements ICommandHandler<FlagCaseForReviewCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentFactsRepository) private readonly incidents: IncidentFactsRepository,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ incidentId, version }: FlagCaseForReviewCommand): Promise<void> {
    return this.transactions.run(async (manager) => {
      if (!(await this.incidents.recordStatus(manager, incidentId, version, 'rejected'))) return;
      const found = await this.cases.lockCaseOfIncident(manager, incidentId);
      if (!found) return;
      const readVersion = found.version;
      const now = this.clock.now();
      found.flagForReview(incidentId, { by: 'system', now, newId: uuidv7 });
      await this.cases.update(manager, found, readVersion);
      await this.outbox.append(manager, found.pullEvents(), now);
    });
  }
}
