import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { InconsistentInputError, systemClock } from '#domain';
import type { Incident } from '../domain/incident.js';
import { IncidentRepository } from '../infrastructure/incident.repository.js';
import { IncidentChanger } from './incident-changer.js';
import { RejectIncidentCommand } from './reject-incident.command.js';

@CommandHandler(RejectIncidentCommand)
export class RejectIncidentHandler implements ICommandHandler<RejectIncidentCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentRepository) private readonly incidents: IncidentRepository,
    @Inject(IncidentChanger) private readonly changer: IncidentChanger,
  ) {}

  execute({ id, expectedVersion, rejection, by }: RejectIncidentCommand): Promise<Incident> {
    return this.transactions.run(async (manager) => {
      // The duplicated incident must exist: a rejection pointing nowhere would hide an incident.
      if (rejection.duplicateOfIncidentId && !(await this.incidents.findById(manager, rejection.duplicateOfIncidentId))) {
        throw new InconsistentInputError('The duplicated incident does not exist', [
          { field: 'duplicateOfIncidentId', problems: [`no incident with id ${rejection.duplicateOfIncidentId}`] },
        ]);
      }
      return (await this.changer.change(id, expectedVersion, (incident) => incident.reject(rejection, by, systemClock))).incident;
    });
  }
}
