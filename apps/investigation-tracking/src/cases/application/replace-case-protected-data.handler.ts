import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { CLOCK, type Clock } from '#domain';
import { CaseProtectedDataRepository } from '../infrastructure/case-protected-data.repository.js';
import { CaseFinder } from './case-finder.js';
import { ReplaceCaseProtectedDataCommand } from './replace-case-protected-data.command.js';

@CommandHandler(ReplaceCaseProtectedDataCommand)
export class ReplaceCaseProtectedDataHandler implements ICommandHandler<ReplaceCaseProtectedDataCommand> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseFinder) private readonly finder: CaseFinder,
    @Inject(CaseProtectedDataRepository) private readonly protectedData: CaseProtectedDataRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  execute({ caseId, data, actor }: ReplaceCaseProtectedDataCommand): Promise<void> {
    return this.transactions.run(async (manager) => {
      await this.finder.permitted(manager, caseId, actor, 'write_protected', 'protected_data.written');
      await this.protectedData.save(manager, caseId, data, actor.subject, this.clock.now());
    });
  }
}
