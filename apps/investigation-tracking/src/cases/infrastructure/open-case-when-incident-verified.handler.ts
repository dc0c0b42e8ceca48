import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IncidentVerified, type IncidentVerifiedV1 } from '#contracts';
import type { IntegrationEventHandler } from '#messaging';
import { OpenCaseByPolicyCommand } from '../application/open-case-by-policy.command.js';

@Injectable()
export class OpenCaseWhenIncidentVerifiedHandler implements IntegrationEventHandler<IncidentVerifiedV1> {
  readonly contracts = [IncidentVerified];

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: IncidentVerifiedV1): Promise<void> {
    await this.commands.execute(new OpenCaseByPolicyCommand(event.incidentId, event.version));
  }
}
