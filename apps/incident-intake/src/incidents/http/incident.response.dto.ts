import { ApiProperty } from '@nestjs/swagger';
import { DatePrecisions, type DatePrecision } from '#contracts';
import type { Incident } from '../domain/incident.js';
import { PersonnelHarmCountRequestDto } from './report-incident.request.dto.js';

export class IncidentResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'INC-2026-000042' })
  reference!: string;

  @ApiProperty()
  countryCode!: string;

  @ApiProperty()
  concernedStateCode!: string;

  @ApiProperty()
  occurredOn!: string;

  @ApiProperty({ enum: DatePrecisions })
  occurredOnPrecision!: DatePrecision;

  @ApiProperty({ type: [PersonnelHarmCountRequestDto] })
  personnel!: PersonnelHarmCountRequestDto[];

  @ApiProperty({ enum: ['reported'] })
  status!: string;

  @ApiProperty({ format: 'date-time' })
  reportedAt!: string;

  @ApiProperty()
  reportingOrganisation!: string;

  static from(incident: Incident): IncidentResponseDto {
    return {
      id: incident.id,
      reference: incident.reference,
      countryCode: incident.countryCode,
      concernedStateCode: incident.concernedStateCode,
      occurredOn: incident.occurredOn.toString(),
      occurredOnPrecision: incident.occurredOn.precision,
      personnel: [...incident.personnel],
      status: incident.status,
      reportedAt: incident.reportedAt.toISOString(),
      reportingOrganisation: incident.reportingOrganisation,
    };
  }
}
