import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { IsReason } from './request-fields.js';

export class LinkIncidentRequestDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  incidentId!: string;

  @ApiProperty({ enum: ['related', 'duplicate'], description: 'A duplicate counts once in every Council figure' })
  @IsIn(['related', 'duplicate'])
  kind!: 'related' | 'duplicate';

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for a duplicate: the incident of the case it duplicates' })
  @IsOptional()
  @IsUUID()
  duplicateOfIncidentId?: string;

  @IsReason()
  reason!: string;
}

/** A change that needs only its reason (unlinking, reopening). */
export class ReasonRequestDto {
  @IsReason()
  reason!: string;
}
