import { IsBoolean, IsIn, IsUUID, Matches } from 'class-validator';
import { EvidenceCategories, type EvidenceCategory } from '../case-vocabulary.js';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';
import { CalendarDatePattern, CaseEventV1 } from './case-event.v1.js';

/** Payload of the evidence events: the item and its category; holders and sources stay in the service. */
export class CaseEvidenceV1 extends CaseEventV1 {
  @IsUUID()
  evidenceItemId!: string;

  @IsIn(EvidenceCategories)
  category!: EvidenceCategory;

  @Matches(CalendarDatePattern)
  on!: string;

  /** False once a copy was presented whose SHA-256 differs from the registered one. */
  @IsBoolean()
  integrityIntact!: boolean;
}

export const CaseEvidenceRegistered = defineEvent({
  type: 'accountability.case.evidence-registered.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseEvidenceV1,
  description: 'An evidence item (metadata and SHA-256 only) entered the case register.',
});

export const CaseEvidenceTransferred = defineEvent({
  type: 'accountability.case.evidence-transferred.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseEvidenceV1,
  description: 'Custody of an evidence item passed to another holder; the chain of custody grew by one link.',
});

export const CaseEvidenceChecked = defineEvent({
  type: 'accountability.case.evidence-checked.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseEvidenceV1,
  description: 'A copy of an evidence item was checked against its registered SHA-256; integrityIntact says whether it matched.',
});
