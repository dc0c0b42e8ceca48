import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { IntakeDuplicateCandidate } from '../infrastructure/incident-intake.client.js';

export interface CaseDuplicateCandidate extends IntakeDuplicateCandidate {
  /** The incident of the case it resembles most. */
  similarToIncidentId: string;
  /** Set when the candidate already belongs to another case. */
  inOtherCase: boolean;
}

/** Incidents outside the case that may be the same attack as one of its incidents; an officer confirms a link. */
export class FindCaseDuplicateCandidatesQuery extends Query<CaseDuplicateCandidate[]> {
  constructor(
    readonly caseId: string,
    readonly limit: number,
    readonly actor: Actor,
    readonly bearerToken: string,
  ) {
    super();
  }
}
