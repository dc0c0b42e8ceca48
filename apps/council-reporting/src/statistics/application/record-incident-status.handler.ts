import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { FiguresRepository } from '../infrastructure/figures.repository.js';
import { RecordIncidentStatusCommand } from './record-incident-status.command.js';

@CommandHandler(RecordIncidentStatusCommand)
export class RecordIncidentStatusHandler implements ICommandHandler<RecordIncidentStatusCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(FiguresRepository) private readonly figures: FiguresRepository,
  ) {}

  execute({ incidentId, version, status }: RecordIncidentStatusCommand): Promise<void> {
    return this.transactions.run((manager) => this.figures.recordStatus(manager, incidentId, version, status));
  }
}
