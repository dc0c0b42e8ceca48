import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { FiguresRepository } from '../infrastructure/figures.repository.js';
import { RecordIncidentFiguresCommand } from './record-incident-figures.command.js';

@CommandHandler(RecordIncidentFiguresCommand)
export class RecordIncidentFiguresHandler implements ICommandHandler<RecordIncidentFiguresCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(FiguresRepository) private readonly figures: FiguresRepository,
  ) {}

  execute({ incident }: RecordIncidentFiguresCommand): Promise<void> {
    return this.transactions.run((manager) => this.figures.recordIncident(manager, incident));
  }
}
