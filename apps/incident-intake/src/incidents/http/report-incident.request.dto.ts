import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO31661Alpha2, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import {
  Affiliations,
  DatePrecisions,
  Genders,
  HarmTypes,
  PersonnelStatuses,
  type Affiliation,
  type DatePrecision,
  type Gender,
  type HarmType,
  type PersonnelStatus,
} from '#contracts';

export class PersonnelHarmCountRequestDto {
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

  @ApiProperty({ minimum: 0, maximum: 100000 })
  @IsInt()
  @Min(0)
  @Max(100000)
  count!: number;
}

export class ReportIncidentRequestDto {
  @ApiProperty({ example: 'SD', description: 'ISO 3166-1 alpha-2 code of the country where it happened' })
  @IsISO31661Alpha2()
  countryCode!: string;

  @ApiPropertyOptional({ example: 'SD', description: 'ISO 3166-1 alpha-2 code of the State asked to investigate; defaults to countryCode' })
  @IsOptional()
  @IsISO31661Alpha2()
  concernedStateCode?: string;

  @ApiProperty({ example: '2026-03-14', description: 'YYYY-MM-DD, YYYY-MM or YYYY, matching occurredOnPrecision' })
  @Matches(/^\d{4}(-\d{2}(-\d{2})?)?$/, { message: 'occurredOn must be YYYY-MM-DD, YYYY-MM or YYYY' })
  occurredOn!: string;

  @ApiProperty({ enum: DatePrecisions })
  @IsIn(DatePrecisions)
  occurredOnPrecision!: DatePrecision;

  @ApiProperty({ type: [PersonnelHarmCountRequestDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => PersonnelHarmCountRequestDto)
  personnel!: PersonnelHarmCountRequestDto[];
}
