import { Command } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { Case } from '../domain/case.js';
import type { CaseChange } from './case-changes.js';

export class ChangeCaseCommand extends Command<Case> {
  constructor(
    readonly caseId: string,
    /** The version named by If-Match; every change to a case needs one. */
    readonly expectedVersion: number,
    readonly change: CaseChange,
    readonly actor: Actor,
  ) {
    super();
  }
}
