import { ApiProperty } from '@nestjs/swagger';
import type { Case } from '../domain/case.js';

export class CaseResponseDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'CASE-2026-000017' })
  reference!: string;

  @ApiProperty({ format: 'uuid' })
  incidentId!: string;

  @ApiProperty({ example: 'INC-2026-000042' })
  incidentReference!: string;

  @ApiProperty()
  countryCode!: string;

  @ApiProperty()
  concernedStateCode!: string;

  @ApiProperty({ enum: ['opened'] })
  stage!: string;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  static from(opened: Case): CaseResponseDto {
    return {
      id: opened.id,
      reference: opened.reference,
      incidentId: opened.incidentId,
      incidentReference: opened.incidentReference,
      countryCode: opened.countryCode,
      concernedStateCode: opened.concernedStateCode,
      stage: opened.stage,
      openedAt: opened.openedAt.toISOString(),
    };
  }
}
