import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsUUID, Matches, Min, ValidateNested } from 'class-validator';
import { defineEvent } from '../event-contract.js';
import {
  AttackContexts,
  IncidentStatuses,
  LocationTypes,
  MeansOfAttack,
  Motives,
  PerpetratorCategories,
  SourceVerificationStatuses,
  type AttackContext,
  type IncidentStatus,
  type LocationType,
  type Motive,
  type PerpetratorCategory,
  type SourceVerificationStatus,
} from '../incident-vocabulary.js';
import {
  Disclosures,
  OrganisationTypes,
  PartnerMonthPattern,
  WithdrawalCauses,
  type Disclosure,
  type OrganisationType,
  type WithdrawalCause,
} from '../partner-vocabulary.js';
import { Topics } from '../topics.js';
import { AffectedAsset, AffiliationBreakdown, DatePrecisions, GenderBreakdown, type DatePrecision } from './incident-snapshot.v1.js';
import { PersonnelHarmCount } from './personnel-harm.js';

/**
 * Payload of `accountability.partner.incident.published.v1`: an incident as partners may see
 * it. A `restricted` one carries its id, version, country and month only; the other fields
 * are there when `disclosure` is `public`. Never the reporting organisation, only its type.
 */
export class PartnerIncidentPublishedV1 {
  @IsUUID()
  incidentId!: string;

  /** The incident's version in intake; it may skip numbers (changes partners do not see). */
  @IsInt()
  @Min(1)
  version!: number;

  @IsIn(Disclosures)
  disclosure!: Disclosure;

  /** ISO 3166-1 alpha-2 code of the country where the incident happened. */
  @Matches(/^[A-Z]{2}$/)
  countryCode!: string;

  /** `YYYY-MM`, or `YYYY` when only the year is known. */
  @Matches(PartnerMonthPattern)
  occurredIn!: string;

  @IsOptional()
  @Matches(/^INC-\d{4}-\d{6}$/)
  reference?: string;

  @IsOptional()
  @IsIn(IncidentStatuses)
  status?: IncidentStatus;

  @IsOptional()
  @Matches(/^[A-Z]{2}$/)
  concernedStateCode?: string;

  @IsOptional()
  @Matches(/^\d{4}(-\d{2}(-\d{2})?)?$/)
  occurredOn?: string;

  @IsOptional()
  @IsIn(DatePrecisions)
  occurredOnPrecision?: DatePrecision;

  @IsOptional()
  @IsIn(LocationTypes)
  locationType?: LocationType;

  @IsOptional()
  @IsIn(MeansOfAttack)
  meansOfAttack?: MeansOfAttack;

  @IsOptional()
  @IsIn(AttackContexts)
  attackContext?: AttackContext;

  @IsOptional()
  @IsIn(Motives)
  motive?: Motive;

  @IsOptional()
  @IsIn(PerpetratorCategories)
  perpetratorCategory?: PerpetratorCategory;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => PersonnelHarmCount)
  personnel?: PersonnelHarmCount[];

  @IsOptional()
  @ValidateNested()
  @Type(() => AffiliationBreakdown)
  affiliationBreakdown?: AffiliationBreakdown;

  @IsOptional()
  @ValidateNested()
  @Type(() => GenderBreakdown)
  genderBreakdown?: GenderBreakdown;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => AffectedAsset)
  assets?: AffectedAsset[];

  @IsOptional()
  @IsIn(SourceVerificationStatuses)
  sourceVerification?: SourceVerificationStatus;

  @IsOptional()
  @IsISO8601({ strict: true })
  reportedAt?: string;

  @IsOptional()
  @IsIn(OrganisationTypes)
  reportingOrganisationType?: OrganisationType;
}

export const PartnerIncidentPublished = defineEvent({
  type: 'accountability.partner.incident.published.v1',
  topic: Topics.partnerIncidents,
  aggregateType: 'incident',
  payload: PartnerIncidentPublishedV1,
  description:
    'An incident as partners may see it was recorded or changed: in full when public, its country and month only when restricted. Confidential incidents never appear.',
});

/**
 * Payload of `accountability.partner.incident.withdrawn.v1`, under the key the incident was
 * published with. A consumer that keeps the latest record per key deletes it.
 */
export class PartnerIncidentWithdrawnV1 {
  @IsUUID()
  incidentId!: string;

  @IsInt()
  @Min(1)
  version!: number;

  /** The country it was published with, so per-country counts can be lowered without state. */
  @Matches(/^[A-Z]{2}$/)
  countryCode!: string;

  @IsIn(WithdrawalCauses)
  cause!: WithdrawalCause;

  @IsISO8601({ strict: true })
  withdrawnAt!: string;
}

export const PartnerIncidentWithdrawn = defineEvent({
  type: 'accountability.partner.incident.withdrawn.v1',
  topic: Topics.partnerIncidents,
  aggregateType: 'incident',
  payload: PartnerIncidentWithdrawnV1,
  description: 'An incident published to partners was made confidential or rejected; treat it as deleted (a tombstone that keeps the key).',
});
