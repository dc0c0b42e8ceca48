import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCountryCode } from '#http';
import { IncidentStatuses, type IncidentStatus } from '#contracts';

export class GetStatisticsRequestDto {
  @ApiPropertyOptional({ example: 2026, description: 'Year the incidents occurred' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ example: 'SD', description: 'ISO 3166-1 alpha-2 country where the incidents occurred' })
  @IsOptional()
  @IsCountryCode()
  countryCode?: string;

  @ApiPropertyOptional({ enum: IncidentStatuses, description: 'Only incidents in this status; by default all but rejected ones' })
  @IsOptional()
  @IsIn(IncidentStatuses)
  status?: IncidentStatus;
}
