import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IncidentDetailsDto } from './incident-details.request.dto.js';
import { NestedObject } from '#http';
import { ProtectedDataDto } from './protected-data.dto.js';

export class ReportIncidentRequestDto extends IncidentDetailsDto {
  @ApiPropertyOptional({
    type: ProtectedDataDto,
    description: 'Victims, witnesses and the perpetrator name: encrypted, never in events, logs or exports',
  })
  @IsOptional()
  @NestedObject(() => ProtectedDataDto)
  protected?: ProtectedDataDto;
}
