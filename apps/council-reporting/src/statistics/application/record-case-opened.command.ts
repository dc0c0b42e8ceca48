import { Command } from '@nestjs/cqrs';

export class RecordCaseOpenedCommand extends Command<void> {
  constructor(
    readonly caseId: string,
    readonly incidentId: string,
    readonly openedAt: Date,
  ) {
    super();
  }
}
