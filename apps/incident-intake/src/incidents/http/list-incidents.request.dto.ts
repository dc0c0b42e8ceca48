import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageRequestDto } from '#http';
import { IncidentSorts, type IncidentSort } from '../application/list-incidents.query.js';
import { IncidentFilterRequestDto } from './incident-filter.request.dto.js';

export class ListIncidentsRequestDto extends IntersectionType(IncidentFilterRequestDto, PageRequestDto) {
  @ApiPropertyOptional({ enum: IncidentSorts, default: '-occurredOn', description: 'A leading - sorts newest first' })
  @IsOptional()
  @IsIn(IncidentSorts)
  sort: IncidentSort = '-occurredOn';
}
