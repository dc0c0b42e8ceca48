import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import { Transactions } from '#database';
import { InconsistentInputError, NotFoundError, type Actor } from '#domain';
import type { Incident } from '../domain/incident.js';
import { IncidentChanger } from './incident-changer.js';
import { IncidentFinder } from './incident-finder.js';
import { RejectIncidentCommand } from './reject-incident.command.js';

@CommandHandler(RejectIncidentCommand)
export class RejectIncidentHandler implements ICommandHandler<RejectIncidentCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentFinder) private readonly finder: IncidentFinder,
    @Inject(IncidentChanger) private readonly changer: IncidentChanger,
  ) {}

  execute({ id, expectedVersion, rejection, actor }: RejectIncidentCommand): Promise<Incident> {
    return this.transactions.run(async (manager) => {
      // The duplicated incident must exist: a rejection pointing nowhere would hide an incident.
      if (rejection.duplicateOfIncidentId) await this.assertExists(manager, rejection.duplicateOfIncidentId, actor);
      const { incident } = await this.changer.change(id, expectedVersion, actor, 'incident.rejected', (current, clock) =>
        current.reject(rejection, actor.subject, clock),
      );
      return incident;
    });
  }

  private async assertExists(manager: EntityManager, duplicateOf: string, actor: Actor): Promise<void> {
    try {
      await this.finder.visible(manager, duplicateOf, actor);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new InconsistentInputError('The duplicated incident does not exist', [
        { field: 'duplicateOfIncidentId', problems: [`no incident with id ${duplicateOf}`] },
      ]);
    }
  }
}
