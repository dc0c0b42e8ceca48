import { Command } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { CaseProtectedData } from '../domain/case-protected-data.js';

export class ReplaceCaseProtectedDataCommand extends Command<void> {
  constructor(
    readonly caseId: string,
    readonly data: CaseProtectedData,
    readonly actor: Actor,
  ) {
    super();
  }
}
