import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { Mechanisms, ReferralOutcomes, ReferralStatuses, type Mechanism, type ReferralOutcome, type ReferralStatus } from '#contracts';
import { IsCalendarDay } from '#http';

/** 6.2: a referral to an international mechanism. */
export class ReferralRequestDto {
  @ApiProperty({ enum: Mechanisms })
  @IsIn(Mechanisms)
  mechanism!: Mechanism;

  @IsCalendarDay('When the case was referred')
  referredOn!: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;
}

export class ReferralStatusRequestDto {
  @ApiProperty({ enum: ReferralStatuses })
  @IsIn(ReferralStatuses)
  status!: ReferralStatus;

  @IsCalendarDay('When the status changed')
  on!: string;

  @ApiPropertyOptional({ enum: ReferralOutcomes })
  @IsOptional()
  @IsIn(ReferralOutcomes)
  outcome?: ReferralOutcome;

  @ApiPropertyOptional({ maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  outcomeSummary?: string;
}
