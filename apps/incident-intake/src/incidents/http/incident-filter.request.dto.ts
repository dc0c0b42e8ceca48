import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { IsCountryCode } from '#http';
import {
  HarmTypes,
  IncidentStatuses,
  MeansOfAttack,
  PerpetratorCategories,
  type HarmType,
  type IncidentStatus,
  type PerpetratorCategory,
} from '#contracts';

const Day = /^\d{4}-\d{2}-\d{2}$/;

export class IncidentFilterRequestDto {
  @ApiPropertyOptional({ example: 'SD' })
  @IsOptional()
  @IsCountryCode()
  countryCode?: string;

  @ApiPropertyOptional({ example: 'SD' })
  @IsOptional()
  @IsCountryCode()
  concernedStateCode?: string;

  @ApiPropertyOptional({
    example: '2026-01-01',
    description: 'Occurred on or after (YYYY-MM-DD; a partial date counts from its first day)',
  })
  @IsOptional()
  @Matches(Day, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Occurred on or before (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(Day, { message: 'to must be YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: MeansOfAttack })
  @IsOptional()
  @IsIn(MeansOfAttack)
  meansOfAttack?: MeansOfAttack;

  @ApiPropertyOptional({ enum: HarmTypes, description: 'At least one person suffered this harm' })
  @IsOptional()
  @IsIn(HarmTypes)
  harm?: HarmType;

  @ApiPropertyOptional({ enum: IncidentStatuses })
  @IsOptional()
  @IsIn(IncidentStatuses)
  status?: IncidentStatus;

  @ApiPropertyOptional({ enum: PerpetratorCategories })
  @IsOptional()
  @IsIn(PerpetratorCategories)
  perpetratorCategory?: PerpetratorCategory;
}
