import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { RejectionReasons, type RejectionReason } from '#contracts';

export class RejectIncidentRequestDto {
  @ApiProperty({ enum: RejectionReasons })
  @IsIn(RejectionReasons)
  reason!: RejectionReason;

  @ApiProperty({ maxLength: 2000, description: 'Why it is rejected; stays in the intake service' })
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  explanation!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required when reason is duplicate' })
  @IsOptional()
  @IsUUID()
  duplicateOfIncidentId?: string;
}
