import { Query } from '@nestjs/cqrs';
import type { Case } from '../domain/case.js';

export interface CasePage {
  items: Case[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** Cases, oldest first (ids are time-ordered UUID v7), optionally only the case of one incident. */
export class FindCasesQuery extends Query<CasePage> {
  constructor(
    readonly filter: { incidentId?: string },
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
