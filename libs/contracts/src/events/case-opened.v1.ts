import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { ConfidentialityLevels, type ConfidentialityLevel } from '../incident-vocabulary.js';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';

export const CaseOpeningReasons = ['opening_policy', 'officer'] as const;
export type CaseOpeningReason = (typeof CaseOpeningReasons)[number];

/**
 * Payload of `accountability.case.opened.v1`. The fields marked optional were added after
 * the first release; every case opened since carries them.
 */
export class CaseOpenedV1 {
  @IsUUID()
  caseId!: string;

  @Matches(/^CASE-\d{4}-\d{6}$/)
  reference!: string;

  /** The incident the case was opened for; further incidents arrive as case.incident-linked. */
  @IsUUID()
  incidentId!: string;

  /** ISO 3166-1 alpha-2 code of the State asked to investigate (recommendation 6.1). */
  @Matches(/^[A-Z]{2}$/)
  concernedStateCode!: string;

  @IsISO8601({ strict: true })
  openedAt!: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @IsOptional()
  @IsString()
  @MaxLength(128)
  owningOrganisation?: string;

  @IsOptional()
  @IsIn(ConfidentialityLevels)
  confidentiality?: ConfidentialityLevel;

  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  countryCode?: string;

  @IsOptional()
  @IsIn(CaseOpeningReasons)
  openedBecause?: CaseOpeningReason;
}

export const CaseOpened = defineEvent({
  type: 'accountability.case.opened.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseOpenedV1,
  description:
    'A case was opened, by an officer or because a verified incident matched the opening policy; the accountability chain of recommendation 6 starts.',
});
