import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsLatitude,
  IsNumber,
  IsLongitude,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsCountryCode, NestedList, NestedObject } from '#http';
import {
  Affiliations,
  AssetTypes,
  AttackContexts,
  ConfidentialityLevels,
  CoordinatePrecisions,
  DamageLevels,
  DatePrecisions,
  Genders,
  HarmTypes,
  LocationTypes,
  MeansOfAttack,
  Motives,
  PerpetratorCategories,
  PersonnelStatuses,
  SourceReliabilities,
  SourceVerificationStatuses,
  type Affiliation,
  type AssetType,
  type AttackContext,
  type ConfidentialityLevel,
  type CoordinatePrecision,
  type DamageLevel,
  type DatePrecision,
  type Gender,
  type HarmType,
  type LocationType,
  type Motive,
  type PerpetratorCategory,
  type PersonnelStatus,
  type SourceReliability,
  type SourceVerificationStatus,
} from '#contracts';

const MAX_COUNT = 100000;

export class PersonnelHarmCountDto {
  @ApiProperty({ enum: HarmTypes })
  @IsIn(HarmTypes)
  harm!: HarmType;

  @ApiProperty({ enum: PersonnelStatuses, description: 'national (national and locally recruited personnel) or international' })
  @IsIn(PersonnelStatuses)
  status!: PersonnelStatus;

  @ApiPropertyOptional({ enum: Affiliations })
  @IsOptional()
  @IsIn(Affiliations)
  affiliation?: Affiliation;

  @ApiPropertyOptional({ enum: Genders })
  @IsOptional()
  @IsIn(Genders)
  gender?: Gender;

  @ApiProperty({ minimum: 0, maximum: MAX_COUNT })
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  count!: number;
}

export class CoordinatesDto {
  @ApiProperty({ minimum: -90, maximum: 90 })
  // IsLatitude alone also takes the string "0"; a coordinate is a number.
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLatitude()
  latitude!: number;

  @ApiProperty({ minimum: -180, maximum: 180 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsLongitude()
  longitude!: number;

  @ApiProperty({ enum: CoordinatePrecisions })
  @IsIn(CoordinatePrecisions)
  precision!: CoordinatePrecision;
}

export class AffectedAssetDto {
  @ApiProperty({ enum: AssetTypes })
  @IsIn(AssetTypes)
  type!: AssetType;

  @ApiProperty({ description: 'United Nations premises or assets' })
  @IsBoolean()
  un!: boolean;

  @ApiProperty({ enum: DamageLevels })
  @IsIn(DamageLevels)
  damage!: DamageLevel;
}

export class IncidentSourceDto {
  @ApiProperty({ maxLength: 200, description: 'An organisation, database or focal point; never a private person' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: SourceReliabilities })
  @IsIn(SourceReliabilities)
  reliability!: SourceReliability;
}

const Count = () => applyDecorators(ApiPropertyOptional({ minimum: 0 }), IsOptional(), IsInt(), Min(0), Max(MAX_COUNT));

/** People affected per organisation type, as a source reports them beside the harm counts. */
export class AffiliationBreakdownDto {
  @Count() un?: number;
  @Count() ingo?: number;
  @Count() icrc?: number;
  @Count() ifrc_national_society?: number;
  @Count() national_ngo?: number;
  @Count() other?: number;
}

export class GenderBreakdownDto {
  @Count() female?: number;
  @Count() male?: number;
  @Count() unknown?: number;
}

/** Totals the source states; each one given must equal the sum of the personnel counts it covers. */
export class DeclaredTotalsDto {
  @Count() killed?: number;
  @Count() wounded?: number;
  @Count() kidnapped?: number;
  @Count() detained?: number;
  @Count() missing?: number;
  @Count() sexualViolence?: number;
  @Count() national?: number;
  @Count() international?: number;
  @Count() affected?: number;
}

const PlaceName = () => applyDecorators(ApiPropertyOptional({ maxLength: 200 }), IsOptional(), IsString(), MaxLength(200));

/** Everything about an incident except protected personal data. */
export class IncidentDetailsDto {
  @ApiProperty({ example: '2026-03-14', description: 'YYYY-MM-DD, YYYY-MM or YYYY, matching occurredOnPrecision' })
  @Matches(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'occurredOn must be YYYY-MM-DD, YYYY-MM or YYYY' })
  occurredOn!: string;

  @ApiProperty({ enum: DatePrecisions })
  @IsIn(DatePrecisions)
  occurredOnPrecision!: DatePrecision;

  @ApiProperty({ example: 'SD', description: 'ISO 3166-1 alpha-2 code of the country where it happened' })
  @IsCountryCode()
  countryCode!: string;

  @ApiPropertyOptional({ example: 'SD', description: 'ISO 3166-1 alpha-2 code of the State asked to investigate; defaults to countryCode' })
  @IsOptional()
  @IsCountryCode()
  concernedStateCode?: string;

  @PlaceName() adminLevel1?: string;
  @PlaceName() adminLevel2?: string;
  @PlaceName() locality?: string;

  @ApiPropertyOptional({ type: CoordinatesDto })
  @IsOptional()
  @NestedObject(() => CoordinatesDto)
  coordinates?: CoordinatesDto;

  @ApiProperty({ enum: LocationTypes })
  @IsIn(LocationTypes)
  locationType!: LocationType;

  @ApiProperty({ enum: MeansOfAttack })
  @IsIn(MeansOfAttack)
  meansOfAttack!: MeansOfAttack;

  @ApiProperty({ enum: AttackContexts })
  @IsIn(AttackContexts)
  attackContext!: AttackContext;

  @ApiPropertyOptional({ enum: Motives })
  @IsOptional()
  @IsIn(Motives)
  motive?: Motive;

  @ApiProperty({ type: [PersonnelHarmCountDto], description: 'One entry per harm × status (× affiliation × gender where known)' })
  @NestedList(() => PersonnelHarmCountDto, 500)
  personnel!: PersonnelHarmCountDto[];

  @ApiPropertyOptional({ type: AffiliationBreakdownDto })
  @IsOptional()
  @NestedObject(() => AffiliationBreakdownDto)
  affiliationBreakdown?: AffiliationBreakdownDto;

  @ApiPropertyOptional({ type: GenderBreakdownDto })
  @IsOptional()
  @NestedObject(() => GenderBreakdownDto)
  genderBreakdown?: GenderBreakdownDto;

  @ApiPropertyOptional({ type: DeclaredTotalsDto })
  @IsOptional()
  @NestedObject(() => DeclaredTotalsDto)
  declaredTotals?: DeclaredTotalsDto;

  @ApiProperty({ type: [AffectedAssetDto] })
  @NestedList(() => AffectedAssetDto, 200)
  assets!: AffectedAssetDto[];

  @ApiProperty({ enum: PerpetratorCategories, description: 'Alleged perpetrator' })
  @IsIn(PerpetratorCategories)
  perpetratorCategory!: PerpetratorCategory;

  @ApiPropertyOptional({ maxLength: 20000, description: 'What happened; never sent in events or exports' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  narrative?: string;

  @ApiProperty({ type: [IncidentSourceDto] })
  @NestedList(() => IncidentSourceDto, 50)
  sources!: IncidentSourceDto[];

  @ApiProperty({ enum: ConfidentialityLevels })
  @IsIn(ConfidentialityLevels)
  confidentiality!: ConfidentialityLevel;

  @ApiPropertyOptional({ enum: SourceVerificationStatuses, description: 'Verification status in the source database (imports)' })
  @IsOptional()
  @IsIn(SourceVerificationStatuses)
  sourceVerification?: SourceVerificationStatus;
}
