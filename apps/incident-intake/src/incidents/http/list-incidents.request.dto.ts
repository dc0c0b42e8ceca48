import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { IncidentSorts, type IncidentSort } from '../application/list-incidents.query.js';
import { IncidentFilterRequestDto } from './incident-filter.request.dto.js';

export const MAX_PAGE = 200;

export class ListIncidentsRequestDto extends IncidentFilterRequestDto {
  @ApiPropertyOptional({ enum: IncidentSorts, default: '-occurredOn', description: 'A leading - sorts newest first' })
  @IsOptional()
  @IsIn(IncidentSorts)
  sort: IncidentSort = '-occurredOn';

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  limit = 50;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, { message: 'cursor must be a nextCursor this API returned' })
  cursor?: string;
}
