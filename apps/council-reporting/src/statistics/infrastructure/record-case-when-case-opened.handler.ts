import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CaseOpened, type CaseOpenedV1 } from '#contracts';
import type { IntegrationEventHandler } from '#messaging';
import { RecordCaseOpenedCommand } from '../application/record-case-opened.command.js';

@Injectable()
export class RecordCaseWhenCaseOpenedHandler implements IntegrationEventHandler<CaseOpenedV1> {
  readonly contracts = [CaseOpened];

  constructor(@Inject(CommandBus) private readonly commands: CommandBus) {}

  async handle(event: CaseOpenedV1): Promise<void> {
    await this.commands.execute(new RecordCaseOpenedCommand(event.caseId, event.incidentId, new Date(event.openedAt)));
  }
}
