import { ArrayMaxSize, IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Min } from 'class-validator';
import { CaseStages, type CaseStage } from '../case-vocabulary.js';
import { defineEvent } from '../event-contract.js';
import { Disclosures, PartnerMonthPattern, type Disclosure } from '../partner-vocabulary.js';
import { Topics } from '../topics.js';

/**
 * Payload of `accountability.partner.case.published.v1`: a case as partners may see it. A
 * `restricted` case (one of its incidents is restricted) carries its id, version, country and
 * month of opening only; the other fields are there when `disclosure` is `public`. No
 * organisation, no free text, no protected data.
 */
export class PartnerCasePublishedV1 {
  @IsUUID()
  caseId!: string;

  /** The case's version in investigation-tracking. */
  @IsInt()
  @Min(1)
  version!: number;

  @IsIn(Disclosures)
  disclosure!: Disclosure;

  /** ISO 3166-1 alpha-2 code of the country of the case's first incident. */
  @Matches(/^[A-Z]{2}$/)
  countryCode!: string;

  /** Month the case was opened, `YYYY-MM`. */
  @Matches(PartnerMonthPattern)
  openedIn!: string;

  @IsOptional()
  @Matches(/^CASE-\d{4}-\d{6}$/)
  reference?: string;

  @IsOptional()
  @IsIn(CaseStages)
  stage?: CaseStage;

  /** ISO 3166-1 alpha-2 codes of the States asked to investigate. */
  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { each: true })
  @ArrayMaxSize(250)
  concernedStateCodes?: string[];

  /** The incidents of the case, each also on `accountability.partner.incidents.v1`. */
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(1000)
  incidentIds?: string[];

  @IsOptional()
  @IsISO8601({ strict: true })
  openedAt?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  closedAt?: string;
}

export const PartnerCasePublished = defineEvent({
  type: 'accountability.partner.case.published.v1',
  topic: Topics.partnerCases,
  aggregateType: 'case',
  payload: PartnerCasePublishedV1,
  description:
    'A case as partners may see it was opened or changed: in full when public, its country and month only when restricted. A case with a confidential incident never appears.',
});

/**
 * Payload of `accountability.partner.case.withdrawn.v1`, under the key the case was published
 * with. A consumer that keeps the latest record per key deletes it.
 */
export class PartnerCaseWithdrawnV1 {
  @IsUUID()
  caseId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  /** The country it was published with, so per-country counts can be lowered without state. */
  @Matches(/^[A-Z]{2}$/)
  countryCode!: string;

  @IsISO8601({ strict: true })
  withdrawnAt!: string;
}

export const PartnerCaseWithdrawn = defineEvent({
  type: 'accountability.partner.case.withdrawn.v1',
  topic: Topics.partnerCases,
  aggregateType: 'case',
  payload: PartnerCaseWithdrawnV1,
  description: 'A case published to partners took in a confidential incident; treat it as deleted (a tombstone that keeps the key).',
});
