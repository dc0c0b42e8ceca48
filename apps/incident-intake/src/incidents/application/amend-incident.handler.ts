import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AmendIncidentCommand } from './amend-incident.command.js';
import { IncidentChanger } from './incident-changer.js';

@CommandHandler(AmendIncidentCommand)
export class AmendIncidentHandler implements ICommandHandler<AmendIncidentCommand> {
  constructor(@Inject(IncidentChanger) private readonly changer: IncidentChanger) {}

  async execute({ id, expectedVersion, changes, reason, actor }: AmendIncidentCommand) {
    const { incident, result } = await this.changer.change(id, expectedVersion, actor, 'incident.amended', (incident, clock) =>
      incident.amend(changes, actor.subject, reason, clock),
    );
    return { incident, ...result };
  }
}
