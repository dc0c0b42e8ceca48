import { ApiProperty, ApiPropertyOptional, IntersectionType, PartialType, PickType } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsArray, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  AppealStatuses,
  CapacitySupportKinds,
  CapacitySupportStatuses,
  ChargeCategories,
  SentenceCategories,
  SurvivorSupportStatuses,
  TrialStatuses,
  Verdicts,
  type AppealStatus,
  type CapacitySupportKind,
  type CapacitySupportStatus,
  type ChargeCategory,
  type SentenceCategory,
  type SurvivorSupportStatus,
  type TrialStatus,
  type Verdict,
} from '#contracts';
import { IsCountryCode, IsCalendarDay } from '#http';
import { IsOrganisationName } from './request-fields.js';

const Charges = () => (target: object, property: string) => {
  ApiProperty({ enum: ChargeCategories, isArray: true })(target, property);
  IsArray()(target, property);
  ArrayMinSize(1)(target, property);
  ArrayUnique()(target, property);
  IsIn(ChargeCategories, { each: true })(target, property);
};

const Accused = () => (target: object, property: string) => {
  ApiProperty({ minimum: 0, description: 'A count; names belong in protected data only' })(target, property);
  IsInt()(target, property);
  Min(0)(target, property);
  Max(10000)(target, property);
};

/** 6.3: a domestic prosecution. */
export class ProsecutionRequestDto {
  @ApiProperty({ example: 'SD', description: 'The concerned State whose courts try the case' })
  @IsCountryCode()
  concernedStateCode!: string;

  @IsOrganisationName('The court')
  court!: string;

  @Accused()
  accusedCount!: number;

  @Charges()
  charges!: ChargeCategory[];

  @ApiProperty({ enum: TrialStatuses })
  @IsIn(TrialStatuses)
  trialStatus!: TrialStatus;

  @ApiPropertyOptional({ enum: Verdicts })
  @IsOptional()
  @IsIn(Verdicts)
  verdict?: Verdict;

  @ApiPropertyOptional({ enum: SentenceCategories })
  @IsOptional()
  @IsIn(SentenceCategories)
  sentence?: SentenceCategory;

  @ApiProperty({ enum: AppealStatuses })
  @IsIn(AppealStatuses)
  appeal!: AppealStatus;

  @IsCalendarDay('When the trial reached this status')
  statusOn!: string;
}

/** A prosecution moving on: its trial status and date, and any other field that changed. */
export class ProsecutionUpdateRequestDto extends IntersectionType(
  PickType(ProsecutionRequestDto, ['trialStatus', 'statusOn'] as const),
  PartialType(PickType(ProsecutionRequestDto, ['accusedCount', 'charges', 'verdict', 'sentence', 'appeal'] as const)),
) {}

/** 6.4: technical assistance, exchange of expertise, deployment of independent investigators. */
export class CapacitySupportRequestDto {
  @ApiProperty({ enum: CapacitySupportKinds })
  @IsIn(CapacitySupportKinds)
  kind!: CapacitySupportKind;

  @IsOrganisationName('The providing organisation or State')
  provider!: string;

  @IsCalendarDay('Start')
  startOn!: string;

  @IsCalendarDay('End, when known', true)
  endOn?: string;

  @ApiProperty({ enum: CapacitySupportStatuses })
  @IsIn(CapacitySupportStatuses)
  status!: CapacitySupportStatus;
}

export class CapacitySupportUpdateRequestDto {
  @ApiProperty({ enum: CapacitySupportStatuses })
  @IsIn(CapacitySupportStatuses)
  status!: CapacitySupportStatus;

  @IsCalendarDay('End, when known', true)
  endOn?: string;
}

/** 6.5 and 4.4: counts only; who they are goes in the case's protected data. */
export class SurvivorSupportRequestDto {
  @ApiProperty({ minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(100000)
  personsSupported!: number;

  @ApiProperty({ enum: SurvivorSupportStatuses })
  @IsIn(SurvivorSupportStatuses)
  status!: SurvivorSupportStatus;
}
