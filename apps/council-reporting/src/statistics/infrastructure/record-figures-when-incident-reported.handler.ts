import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { IncidentReported, type IncidentReportedV1 } from '#contracts';
import type { IntegrationEventHandler } from '#messaging';
import { RecordIncidentFiguresCommand } from '../application/record-incident-figures.command.js';

@Injectable()
export class RecordFiguresWhenIncidentReportedHandler implements IntegrationEventHandler<IncidentReportedV1> {
  readonly contract = IncidentReported;

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: IncidentReportedV1): Promise<void> {
    await this.commands.execute(new RecordIncidentFiguresCommand(event));
  }
}
