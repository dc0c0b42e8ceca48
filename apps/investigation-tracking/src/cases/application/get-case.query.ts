import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { TimelineEntry } from '../domain/case-records.js';
import type { Case } from '../domain/case.js';
import type { Indicator } from '../domain/indicators.js';

export interface CaseDetail {
  found: Case;
  timeline: TimelineEntry[];
  /** Per concerned State, as of today: the system recommends, a person decides. */
  indicators: Record<string, Indicator[]>;
}

export class GetCaseQuery extends Query<CaseDetail> {
  constructor(
    readonly id: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
