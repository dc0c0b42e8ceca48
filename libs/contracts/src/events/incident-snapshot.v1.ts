import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, MaxLength, Min, ValidateNested } from 'class-validator';
import {
  AssetTypes,
  AttackContexts,
  ConfidentialityLevels,
  DamageLevels,
  IncidentStatuses,
  LocationTypes,
  MeansOfAttack,
  Motives,
  PerpetratorCategories,
  SourceVerificationStatuses,
  type AssetType,
  type AttackContext,
  type ConfidentialityLevel,
  type DamageLevel,
  type IncidentStatus,
  type LocationType,
  type Motive,
  type PerpetratorCategory,
  type SourceVerificationStatus,
} from '../incident-vocabulary.js';
import { IncidentEventV1 } from './incident-event.v1.js';
import { PersonnelHarmCount } from './personnel-harm.js';

export const DatePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof DatePrecisions)[number];

/** Counts as a source reports them beside the harm counts (AWSD: per organisation type, per gender). */
export class AffiliationBreakdown {
  @IsOptional() @IsInt() @Min(0) un?: number;
  @IsOptional() @IsInt() @Min(0) ingo?: number;
  @IsOptional() @IsInt() @Min(0) icrc?: number;
  @IsOptional() @IsInt() @Min(0) ifrc_national_society?: number;
  @IsOptional() @IsInt() @Min(0) national_ngo?: number;
  @IsOptional() @IsInt() @Min(0) other?: number;
}

export class GenderBreakdown {
  @IsOptional() @IsInt() @Min(0) female?: number;
  @IsOptional() @IsInt() @Min(0) male?: number;
  @IsOptional() @IsInt() @Min(0) unknown?: number;
}

/** Premises or assets hit; resolution 2730 (2024) protects them as it protects people. */
export class AffectedAsset {
  @IsIn(AssetTypes)
  type!: AssetType;

  /** United Nations premises or assets. */
  @IsBoolean()
  un!: boolean;

  @IsIn(DamageLevels)
  damage!: DamageLevel;
}

/** Where an imported incident came from: the source database and its own incident id. */
export class ExternalReference {
  @IsString()
  @MaxLength(32)
  source!: string;

  @IsString()
  @MaxLength(64)
  id!: string;
}

/**
 * The state of an incident as events carry it: ids, categories, counts and dates only.
 * No names, narratives, places below the country, coordinates or perpetrator names.
 */
export class IncidentSnapshotV1 extends IncidentEventV1 {
  @IsIn(IncidentStatuses)
  status!: IncidentStatus;

  /** ISO 3166-1 alpha-2 code of the country where the incident happened. */
  @Matches(/^[A-Z]{2}$/)
  countryCode!: string;

  /** ISO 3166-1 alpha-2 code of the State whose authorities are to investigate. */
  @Matches(/^[A-Z]{2}$/)
  concernedStateCode!: string;

  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, as far as `occurredOnPrecision` allows. */
  @Matches(/^\d{4}(-\d{2}(-\d{2})?)?$/)
  occurredOn!: string;

  @IsIn(DatePrecisions)
  occurredOnPrecision!: DatePrecision;

  @IsIn(LocationTypes)
  locationType!: LocationType;

  @IsIn(MeansOfAttack)
  meansOfAttack!: MeansOfAttack;

  @IsIn(AttackContexts)
  attackContext!: AttackContext;

  @IsOptional()
  @IsIn(Motives)
  motive?: Motive;

  @IsIn(PerpetratorCategories)
  perpetratorCategory!: PerpetratorCategory;

  @ValidateNested({ each: true })
  @Type(() => PersonnelHarmCount)
  personnel!: PersonnelHarmCount[];

  @IsOptional()
  @ValidateNested()
  @Type(() => AffiliationBreakdown)
  affiliationBreakdown?: AffiliationBreakdown;

  @IsOptional()
  @ValidateNested()
  @Type(() => GenderBreakdown)
  genderBreakdown?: GenderBreakdown;

  @ValidateNested({ each: true })
  @Type(() => AffectedAsset)
  assets!: AffectedAsset[];

  @IsIn(ConfidentialityLevels)
  confidentiality!: ConfidentialityLevel;

  @IsOptional()
  @IsIn(SourceVerificationStatuses)
  sourceVerification?: SourceVerificationStatus;

  @IsOptional()
  @ValidateNested()
  @Type(() => ExternalReference)
  externalReference?: ExternalReference;

  @IsISO8601({ strict: true })
  reportedAt!: string;

  /** Organisation id of the reporting organisation (from the officer's token). */
  @IsString()
  reportingOrganisation!: string;
}
