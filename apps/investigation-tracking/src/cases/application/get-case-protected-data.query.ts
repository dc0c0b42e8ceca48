import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { CaseProtectedData } from '../domain/case-protected-data.js';

export class GetCaseProtectedDataQuery extends Query<CaseProtectedData> {
  constructor(
    readonly caseId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
