import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import { Transactions } from '#database';
import { systemClock } from '#domain';
import { Outbox } from '#messaging';
import { Case } from '../domain/case.js';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { OpenCaseCommand } from './open-case.command.js';

/** Opens the one case of an incident; asking again returns the case already open. */
@CommandHandler(OpenCaseCommand)
export class OpenCaseHandler implements ICommandHandler<OpenCaseCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(Outbox) private readonly outbox: Outbox,
  ) {}

  execute(command: OpenCaseCommand): Promise<Case> {
    return this.transactions.run(async (manager) => {
      const existing = await this.cases.findByIncident(manager, command.incidentId);
      if (existing) return existing;
      const now = systemClock.now();
      const opened = Case.open(
        {
          id: uuidv7(),
          reference: await this.cases.nextReference(manager, now.getUTCFullYear()),
          incidentId: command.incidentId,
          incidentReference: command.incidentReference,
          countryCode: command.countryCode,
          concernedStateCode: command.concernedStateCode,
        },
        now,
      );
      await this.cases.insert(manager, opened);
      await this.outbox.append(manager, opened.pullEvents());
      return opened;
    });
  }
}
