import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { ProtectedDataRepository } from '../infrastructure/protected-data.repository.js';
import { ProtectedDataAccess } from './protected-data-access.js';
import { ReplaceProtectedDataCommand } from './replace-protected-data.command.js';

@CommandHandler(ReplaceProtectedDataCommand)
export class ReplaceProtectedDataHandler implements ICommandHandler<ReplaceProtectedDataCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(ProtectedDataAccess) private readonly access: ProtectedDataAccess,
    @Inject(ProtectedDataRepository) private readonly protectedData: ProtectedDataRepository,
  ) {}

  execute({ incidentId, data, writer }: ReplaceProtectedDataCommand): Promise<void> {
    return this.transactions.run(async (manager) => {
      await this.access.assert(manager, incidentId, writer, 'write_protected');
      await this.protectedData.save(manager, incidentId, data, writer.subject);
    });
  }
}
