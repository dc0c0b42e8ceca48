import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Transactions } from '#database';
import { systemClock } from '#domain';
import { Outbox } from '#messaging';
import { Incident } from '../domain/incident.js';
import { IncidentRepository } from '../infrastructure/incident.repository.js';
import { ReportIncidentCommand } from './report-incident.command.js';

@CommandHandler(ReportIncidentCommand)
export class ReportIncidentHandler implements ICommandHandler<ReportIncidentCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentRepository) private readonly incidents: IncidentRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  execute({ input, reporter }: ReportIncidentCommand): Promise<Incident> {
    return this.transactions.run(async (manager) => {
      const now = systemClock.now();
      const incident = Incident.report(
        {
          ...input,
          id: uuidv7(),
          reference: await this.incidents.nextReference(manager, now.getUTCFullYear()),
          reportedBy: reporter.subject,
          reportingOrganisation: reporter.organisation,
        },
        { now: () => now },
      );
      await this.incidents.insert(manager, incident);
      await this.outbox.append(manager, incident.pullEvents());
      return incident;
    });
  }
}
