import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { AttentionReason } from '../domain/attention.js';
import type { Case } from '../domain/case.js';

export interface CaseNeedingAttention {
  found: Case;
  reasons: AttentionReason[];
}

/** Open cases the Council may need to act on, each with its reasons. */
export class FindCasesNeedingAttentionQuery extends Query<CaseNeedingAttention[]> {
  constructor(readonly actor: Actor) {
    super();
  }
}
