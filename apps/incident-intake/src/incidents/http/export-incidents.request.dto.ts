import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IncidentFilterRequestDto } from './incident-filter.request.dto.js';

export const ExportFormats = ['csv', 'json'] as const;

export class ExportIncidentsRequestDto extends IncidentFilterRequestDto {
  @ApiPropertyOptional({ enum: ExportFormats, default: 'csv', description: 'csv carries an HXL hashtag row under the header' })
  @IsOptional()
  @IsIn(ExportFormats)
  format: (typeof ExportFormats)[number] = 'csv';
}
