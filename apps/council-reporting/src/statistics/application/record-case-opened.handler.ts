import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { FiguresRepository } from '../infrastructure/figures.repository.js';
import { RecordCaseOpenedCommand } from './record-case-opened.command.js';

@CommandHandler(RecordCaseOpenedCommand)
export class RecordCaseOpenedHandler implements ICommandHandler<RecordCaseOpenedCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(FiguresRepository) private readonly figures: FiguresRepository,
  ) {}

  execute({ caseId, incidentId, openedAt }: RecordCaseOpenedCommand): Promise<void> {
    return this.transactions.run((manager) => this.figures.recordCaseOpened(manager, caseId, incidentId, openedAt));
  }
}
