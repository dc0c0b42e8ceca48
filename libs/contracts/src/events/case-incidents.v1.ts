import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IncidentLinkKinds, type IncidentLinkKind } from '../case-vocabulary.js';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';
import { CaseEventV1 } from './case-event.v1.js';

/** Payload of `accountability.case.incident-linked.v1`. */
export class CaseIncidentLinkedV1 extends CaseEventV1 {
  @IsUUID()
  incidentId!: string;

  /** `duplicate`: the same attack as `duplicateOfIncidentId`; it must count once in every figure. */
  @IsIn(IncidentLinkKinds)
  linkKind!: IncidentLinkKind;

  @IsOptional()
  @IsUUID()
  duplicateOfIncidentId?: string;
}

export const CaseIncidentLinked = defineEvent({
  type: 'accountability.case.incident-linked.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseIncidentLinkedV1,
  description: 'An officer linked an incident to a case, as related or as a duplicate of an incident already in it.',
});

/** Payload of `accountability.case.incident-unlinked.v1`. */
export class CaseIncidentUnlinkedV1 extends CaseEventV1 {
  @IsUUID()
  incidentId!: string;
}

export const CaseIncidentUnlinked = defineEvent({
  type: 'accountability.case.incident-unlinked.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseIncidentUnlinkedV1,
  description: 'An officer took an incident out of a case; it counts on its own again.',
});

/** Payload of `accountability.case.flagged-for-review.v1`. */
export class CaseFlaggedForReviewV1 extends CaseEventV1 {
  /** The incident whose rejection calls the case into question. */
  @IsUUID()
  incidentId!: string;
}

export const CaseFlaggedForReview = defineEvent({
  type: 'accountability.case.flagged-for-review.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseFlaggedForReviewV1,
  description: 'An incident of the case was rejected in intake; the case is kept and flagged for an officer to review.',
});

/** Payload of `accountability.case.confidentiality-changed.v1`: the new level is in `confidentiality`. */
export class CaseConfidentialityChangedV1 extends CaseEventV1 {}

export const CaseConfidentialityChanged = defineEvent({
  type: 'accountability.case.confidentiality-changed.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseConfidentialityChangedV1,
  description: 'An incident of the case was amended to another confidentiality, so the case follows it.',
});
