import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import {
  Affiliations,
  AssetTypes,
  Genders,
  HarmTypes,
  IncidentStatuses,
  MeansOfAttack,
  PerpetratorCategories,
  PersonnelStatuses,
  type IncidentStatus,
} from '#contracts';
import { IsCalendarDay } from '#http';
import { Regions } from '../domain/countries.js';
import { OtherCountries, type GroupKey } from '../domain/dimensions.js';

const CountryOrOther = /^([A-Z]{2}|other)$/;

/** Which incidents a figure counts: a period, a status, and a value on any dimension. */
export class FigureRequestDto {
  @ApiPropertyOptional({
    example: '2024H1',
    description: 'A year (2023), a half year (2024H1, 2024H2), or a year and the next first half (2023+H1)',
  })
  @IsOptional()
  @Matches(/^\d{4}(H[12]|\+H1)?$/, {
    message: 'period must be a year (2023), a half year (2024H1, 2024H2) or a year and the next first half (2023+H1)',
  })
  period?: string;

  @IsCalendarDay('First day of the period (with to)', true)
  from?: string;

  @IsCalendarDay('Last day of the period, inclusive (with from)', true)
  to?: string;

  @ApiPropertyOptional({ example: 2023, description: 'Incidents of this year (the period, when no other is given)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ enum: IncidentStatuses, description: 'Only incidents in this status; by default all but rejected ones' })
  @IsOptional()
  @IsIn(IncidentStatuses)
  status?: IncidentStatus;

  @ApiPropertyOptional({ description: 'Count rejected incidents too' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeRejected?: boolean;

  @ApiPropertyOptional({ example: 'SD', description: `Country where the incidents occurred (ISO 3166-1 alpha-2), or "${OtherCountries}"` })
  @IsOptional()
  @Matches(CountryOrOther, { message: `country must be an upper-case ISO 3166-1 alpha-2 code or "${OtherCountries}"` })
  country?: string;

  @ApiPropertyOptional({ example: 'SD', description: 'Concerned State (ISO 3166-1 alpha-2)' })
  @IsOptional()
  @Matches(CountryOrOther, { message: `concernedState must be an upper-case ISO 3166-1 alpha-2 code or "${OtherCountries}"` })
  concernedState?: string;

  @ApiPropertyOptional({ example: 'Eastern Africa', description: 'UN geoscheme region' })
  @IsOptional()
  @IsIn(Regions)
  region?: string;

  @ApiPropertyOptional({ example: '2024-Q1' })
  @IsOptional()
  @Matches(/^(\d{4}-Q[1-4]|unknown)$/, { message: 'quarter must be written YYYY-Qn, e.g. 2024-Q1' })
  quarter?: string;

  @ApiPropertyOptional({ example: '2024-03' })
  @IsOptional()
  @Matches(/^(\d{4}-(0[1-9]|1[0-2])|unknown)$/, { message: 'month must be written YYYY-MM, e.g. 2024-03' })
  month?: string;

  @ApiPropertyOptional({ enum: PerpetratorCategories })
  @IsOptional()
  @IsIn(PerpetratorCategories)
  perpetrator?: string;

  @ApiPropertyOptional({ enum: MeansOfAttack })
  @IsOptional()
  @IsIn(MeansOfAttack)
  means?: string;

  @ApiPropertyOptional({ enum: HarmTypes })
  @IsOptional()
  @IsIn(HarmTypes)
  harm?: string;

  @ApiPropertyOptional({ enum: PersonnelStatuses, description: 'National (and locally recruited) or international personnel' })
  @IsOptional()
  @IsIn(PersonnelStatuses)
  personnel?: string;

  @ApiPropertyOptional({ enum: [...Affiliations, 'unknown'] })
  @IsOptional()
  @IsIn([...Affiliations, 'unknown'])
  affiliation?: string;

  @ApiPropertyOptional({ enum: Genders })
  @IsOptional()
  @IsIn(Genders)
  gender?: string;

  @ApiPropertyOptional({ enum: AssetTypes, description: 'Incidents in which premises or assets of this type were hit' })
  @IsOptional()
  @IsIn(AssetTypes)
  premises?: string;
}

/** The dimension values a request filters on. */
export function whereOf(request: FigureRequestDto): GroupKey {
  const { country, concernedState, region, quarter, month, perpetrator, means, harm, personnel, affiliation, gender, premises } = request;
  const year = request.year === undefined ? undefined : String(request.year);
  const where: GroupKey = {
    country,
    concernedState,
    region,
    year,
    quarter,
    month,
    perpetrator,
    means,
    harm,
    personnel,
    affiliation,
    gender,
    premises,
  };
  return Object.fromEntries(Object.entries(where).filter(([, value]) => value !== undefined));
}
