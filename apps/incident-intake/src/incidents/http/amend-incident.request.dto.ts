import { ApiProperty, PartialType } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { IncidentDetailsDto } from './incident-details.request.dto.js';

/** Any subset of the incident's fields; `null` clears an optional one. The reason is kept in the history. */
export class AmendIncidentRequestDto extends PartialType(IncidentDetailsDto) {
  @ApiProperty({ maxLength: 2000, description: 'Why the incident is amended' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason!: string;
}
