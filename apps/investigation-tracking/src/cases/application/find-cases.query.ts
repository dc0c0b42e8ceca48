import { Query } from '@nestjs/cqrs';
import type { CaseStage } from '#contracts';
import type { Actor } from '#domain';
import type { Case } from '../domain/case.js';

export interface CaseFilter {
  incidentId?: string;
  stage?: CaseStage;
  concernedStateCode?: string;
  countryCode?: string;
  /** Cases with a due date missed and still open (true), or with none (false). */
  overdue?: boolean;
  hasReferral?: boolean;
  /** Opened on or after this day (UTC). */
  openedFrom?: string;
  /** Opened on or before this day (UTC). */
  openedTo?: string;
}

export interface CasePage {
  items: Case[];
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** Cases the actor may see, oldest first (ids are time-ordered UUID v7). */
export class FindCasesQuery extends Query<CasePage> {
  constructor(
    readonly filter: CaseFilter,
    readonly limit: number,
    readonly cursor: string | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}
