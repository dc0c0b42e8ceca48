import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Incident } from '../domain/incident.js';
import { IncidentChanger } from './incident-changer.js';
import { VerifyIncidentCommand } from './verify-incident.command.js';

@CommandHandler(VerifyIncidentCommand)
export class VerifyIncidentHandler implements ICommandHandler<VerifyIncidentCommand> {
  constructor(@Inject(IncidentChanger) private readonly changer: IncidentChanger) {}

  async execute({ id, expectedVersion, actor }: VerifyIncidentCommand): Promise<Incident> {
    return (
      await this.changer.change(id, expectedVersion, actor, 'incident.verified', (incident, clock) => incident.verify(actor.subject, clock))
    ).incident;
  }
}
