import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO31661Alpha2, IsOptional, Max, Min } from 'class-validator';

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
  @IsISO31661Alpha2()
  countryCode?: string;
}
