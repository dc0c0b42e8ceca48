import { Query } from '@nestjs/cqrs';
import type { DatePrecision, IncidentStatus } from '#contracts';
import type { Actor } from '#domain';
import type { DuplicateReason } from '../domain/duplicate-scoring.js';

export interface DuplicateCandidate {
  incidentId: string;
  reference: string;
  countryCode: string;
  occurredOn: string;
  occurredOnPrecision: DatePrecision;
  status: IncidentStatus;
  score: number;
  reasons: DuplicateReason[];
}

/** Incidents that may be the same attack as `id`, best first; officers decide, nothing is merged. */
export class FindDuplicateCandidatesQuery extends Query<DuplicateCandidate[]> {
  constructor(
    readonly id: string,
    readonly limit: number,
    readonly actor: Actor,
  ) {
    super();
  }
}
