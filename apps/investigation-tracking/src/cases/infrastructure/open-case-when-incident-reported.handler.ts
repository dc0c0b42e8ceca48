import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IncidentReported, type IncidentReportedV1 } from '#contracts';
import type { IntegrationEventHandler } from '#messaging';
import { OpenCaseCommand } from '../application/open-case.command.js';

/** Every reported incident gets a case: the chain of recommendation 6 starts there. */
@Injectable()
export class OpenCaseWhenIncidentReportedHandler implements IntegrationEventHandler<IncidentReportedV1> {
  readonly contracts = [IncidentReported];

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: IncidentReportedV1): Promise<void> {
    await this.commands.execute(new OpenCaseCommand(event.incidentId, event.reference, event.countryCode, event.concernedStateCode));
  }
}
