import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { IncidentDetailsDto } from './incident-details.request.dto.js';
import { ProtectedDataDto } from './protected-data.dto.js';

export class ReportIncidentRequestDto extends IncidentDetailsDto {
  @ApiPropertyOptional({
    type: ProtectedDataDto,
    description: 'Victims, witnesses and the perpetrator name: encrypted, never in events, logs or exports',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProtectedDataDto)
  protected?: ProtectedDataDto;
}
