import { ApiProperty } from '@nestjs/swagger';
import { DatePrecisions, IncidentStatuses, type DatePrecision, type IncidentStatus } from '#contracts';
import type { DuplicateReason } from '../domain/duplicate-scoring.js';

const Criteria: DuplicateReason['criterion'][] = ['date', 'place', 'means_of_attack', 'harm'];

export class DuplicateReasonDto {
  @ApiProperty({ enum: Criteria })
  criterion!: DuplicateReason['criterion'];

  @ApiProperty({ example: 0.35, description: 'Points this criterion adds to the score; 0 ones are listed too' })
  points!: number;

  @ApiProperty({ example: 'same day' })
  explanation!: string;
}

export class DuplicateCandidateDto {
  @ApiProperty({ format: 'uuid' })
  incidentId!: string;

  @ApiProperty({ example: 'INC-2026-000042' })
  reference!: string;

  @ApiProperty({ example: 'SD' })
  countryCode!: string;

  @ApiProperty({ example: '2026-03-14', description: 'YYYY-MM-DD, YYYY-MM or YYYY as the precision says' })
  occurredOn!: string;

  @ApiProperty({ enum: DatePrecisions })
  occurredOnPrecision!: DatePrecision;

  @ApiProperty({ enum: IncidentStatuses })
  status!: IncidentStatus;

  @ApiProperty({
    minimum: 0,
    maximum: 1,
    example: 0.86,
    description: "Sum of the reasons' points: date 0.35, place 0.25, means of attack 0.15, harm 0.25",
  })
  score!: number;

  @ApiProperty({ type: [DuplicateReasonDto] })
  reasons!: DuplicateReasonDto[];
}

export class DuplicateCandidatesResponseDto {
  @ApiProperty({ type: [DuplicateCandidateDto], description: 'Scores of 0.3 and more, best first; nothing is merged' })
  items!: DuplicateCandidateDto[];
}
