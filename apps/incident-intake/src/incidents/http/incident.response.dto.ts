import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IncidentStatuses, RejectionReasons, type IncidentStatus } from '#contracts';
import type { Incident } from '../domain/incident.js';
import { IncidentDetailsDto } from './incident-details.request.dto.js';

class ExternalReferenceDto {
  @ApiProperty({ example: 'awsd' }) source!: string;
  @ApiProperty({ example: '1234' }) id!: string;
}

class RejectionDto {
  @ApiProperty({ enum: RejectionReasons }) reason!: string;
  @ApiProperty() explanation!: string;
  @ApiPropertyOptional({ format: 'uuid' }) duplicateOfIncidentId?: string;
}

export class IncidentResponseDto extends IncidentDetailsDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'INC-2026-000042' })
  reference!: string;

  @ApiProperty({ description: 'Also the ETag; send it as If-Match to amend' })
  version!: number;

  @ApiProperty({ enum: IncidentStatuses })
  status!: IncidentStatus;

  @ApiProperty({ example: 'SD' })
  declare concernedStateCode: string;

  @ApiPropertyOptional({ type: ExternalReferenceDto })
  externalReference?: ExternalReferenceDto;

  @ApiPropertyOptional({ type: RejectionDto })
  rejection?: RejectionDto;

  @ApiProperty({ format: 'date-time' })
  reportedAt!: string;

  @ApiProperty({ description: 'Subject of the officer who recorded it' })
  reportedBy!: string;

  @ApiProperty()
  reportingOrganisation!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiPropertyOptional({ type: [String], description: 'Counts kept as reported that deserve a second look' })
  warnings?: string[];

  static from(incident: Incident, warnings?: string[]): IncidentResponseDto {
    const state = incident.state;
    return {
      ...state.details,
      id: state.id,
      reference: state.reference,
      version: state.version,
      status: state.status,
      externalReference: state.externalReference,
      rejection: state.rejection,
      reportedAt: state.reportedAt.toISOString(),
      reportedBy: state.reportedBy,
      reportingOrganisation: state.reportingOrganisation,
      updatedAt: state.updatedAt.toISOString(),
      ...(warnings?.length ? { warnings } : {}),
    };
  }
}

export class IncidentPageResponseDto {
  @ApiProperty({ type: [IncidentResponseDto] })
  items!: IncidentResponseDto[];

  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' })
  nextCursor!: string | null;
}

export class IncidentHistoryEntryDto {
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['reported', 'amended', 'verified', 'rejected'] }) change!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ description: 'Subject of the officer who made the change' }) by!: string;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional({ type: [String] }) changedFields?: string[];
  @ApiProperty({ description: 'The incident as it stood after this change (no protected data)' }) state!: object;
}
