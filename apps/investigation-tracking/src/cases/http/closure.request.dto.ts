import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ClosureOutcomes, type ClosureOutcome } from '#contracts';
import { IsReason } from './request-fields.js';

export class CloseCaseRequestDto {
  @ApiProperty({ enum: ClosureOutcomes })
  @IsIn(ClosureOutcomes)
  outcome!: ClosureOutcome;

  @IsReason()
  reason!: string;
}
