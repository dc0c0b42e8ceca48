import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDay, IsCountryCode } from '#http';
import {
  HarmTypes,
  IncidentStatuses,
  MeansOfAttack,
  PerpetratorCategories,
  type HarmType,
  type IncidentStatus,
  type PerpetratorCategory,
} from '#contracts';

export class IncidentFilterRequestDto {
  @ApiPropertyOptional({ example: 'SD' })
  @IsOptional()
  @IsCountryCode()
  countryCode?: string;

  @ApiPropertyOptional({ example: 'SD' })
  @IsOptional()
  @IsCountryCode()
  concernedStateCode?: string;

  // A real day, checked before any list or export starts streaming.
  @IsCalendarDay('Occurred on or after (YYYY-MM-DD; a partial date counts from its first day)', true)
  from?: string;

  @IsCalendarDay('Occurred on or before (YYYY-MM-DD)', true)
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
