import { IsISO8601, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';

/** Payload of `accountability.case.opened.v1`. */
export class CaseOpenedV1 {
  @IsUUID()
  caseId!: string;

  @Matches(/^CASE-\d{4}-\d{6}$/)
  reference!: string;

  @IsUUID()
  incidentId!: string;

  /** ISO 3166-1 alpha-2 code of the State asked to investigate (recommendation 6.1). */
  @Matches(/^[A-Z]{2}$/)
  concernedStateCode!: string;

  @IsISO8601({ strict: true })
  openedAt!: string;
}

export const CaseOpened = defineEvent({
  type: 'accountability.case.opened.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseOpenedV1,
  description: 'A case was opened for a reported incident; the accountability chain of recommendation 6 starts.',
});
