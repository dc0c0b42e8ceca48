import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { CLOCK, type Clock } from '#domain';
import { ProtectedDataRepository } from '../infrastructure/protected-data.repository.js';
import { IncidentFinder } from './incident-finder.js';
import { ReplaceProtectedDataCommand } from './replace-protected-data.command.js';

@CommandHandler(ReplaceProtectedDataCommand)
export class ReplaceProtectedDataHandler implements ICommandHandler<ReplaceProtectedDataCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentFinder) private readonly finder: IncidentFinder,
    @Inject(ProtectedDataRepository) private readonly protectedData: ProtectedDataRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ incidentId, data, writer }: ReplaceProtectedDataCommand): Promise<void> {
    return this.transactions.run(async (manager) => {
      await this.finder.permitted(manager, incidentId, writer, 'write_protected', 'protected_data.written');
      await this.protectedData.save(manager, incidentId, data, writer.subject, this.clock.now());
    });
  }
}
