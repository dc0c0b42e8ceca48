import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageRequestDto } from '#http';
import { AccountabilityMeasures } from '../application/accountability-filter.js';
import { IncidentMeasures, type DrillDownMeasure } from '../application/drill-down.query.js';
import { FigureRequestDto } from './figure.request.dto.js';

const Measures = [...IncidentMeasures, ...AccountabilityMeasures];

export class DrillDownRequestDto extends IntersectionType(FigureRequestDto, PageRequestDto) {
  @ApiPropertyOptional({
    enum: Measures,
    default: 'incidents',
    description: 'The figure to trace: incident figures list incidents, accountability figures list cases',
  })
  @IsOptional()
  @IsIn(Measures)
  measure: DrillDownMeasure = 'incidents';
}
