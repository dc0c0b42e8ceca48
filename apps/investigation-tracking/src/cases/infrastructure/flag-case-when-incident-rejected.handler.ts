import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IncidentRejected, type IncidentRejectedV1 } from '#contracts';
import type { IntegrationEventHandler } from '#messaging';
import { FlagCaseForReviewCommand } from '../application/flag-case-for-review.command.js';

@Injectable()
export class FlagCaseWhenIncidentRejectedHandler implements IntegrationEventHandler<IncidentRejectedV1> {
  readonly contracts = [IncidentRejected];

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: IncidentRejectedV1): Promise<void> {
    await this.commands.execute(new FlagCaseForReviewCommand(event.incidentId, event.version));
  }
}
