import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import {
  AssessmentCriteria,
  DeterminationFindings,
  IndicatorKinds,
  InvestigationStandards,
  JudicialSystemConditions,
  StandardRatings,
  type AssessmentCriterion,
  type DeterminationFinding,
  type IndicatorKind,
  type InvestigationStandard,
  type JudicialSystemCondition,
  type StandardRating,
} from '#contracts';
import { IsCalendarDay, NestedList } from '#http';

export class CriterionFindingDto {
  @ApiProperty({ enum: AssessmentCriteria, description: 'Minnesota Protocol (2016) / Istanbul Protocol (2022)' })
  @IsIn(AssessmentCriteria)
  criterion!: AssessmentCriterion;

  @ApiProperty()
  @IsBoolean()
  satisfied!: boolean;
}

export class StandardRatingDto {
  @ApiProperty({ enum: InvestigationStandards })
  @IsIn(InvestigationStandards)
  standard!: InvestigationStandard;

  @ApiProperty({ enum: StandardRatings })
  @IsIn(StandardRatings)
  rating!: StandardRating;

  @ApiProperty({ type: [CriterionFindingDto], description: 'The criteria examined and what was found' })
  @NestedList(() => CriterionFindingDto, AssessmentCriteria.length)
  criteria!: CriterionFindingDto[];

  @ApiProperty({ type: [String], format: 'uuid', description: 'Items of the case evidence register relied on' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  evidenceItemIds!: string[];
}

/** 6.1: the investigation rated against the six standards. */
export class AssessmentRequestDto {
  @IsCalendarDay('The day the assessment speaks for')
  assessedOn!: string;

  @ApiProperty({ enum: JudicialSystemConditions, description: 'Rome Statute art. 17(3)' })
  @IsIn(JudicialSystemConditions)
  judicialSystem!: JudicialSystemCondition;

  @ApiProperty({ type: [StandardRatingDto], description: 'Each of the six standards exactly once' })
  @ArrayMinSize(6)
  @NestedList(() => StandardRatingDto, 6)
  ratings!: StandardRatingDto[];
}

/** 6.2: a person's determination that the concerned State is unable or unwilling. */
export class DeterminationRequestDto {
  @ApiProperty({ enum: DeterminationFindings })
  @IsIn(DeterminationFindings)
  finding!: DeterminationFinding;

  @ApiProperty({ enum: IndicatorKinds, isArray: true, description: 'The indicators the finding rests on' })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(IndicatorKinds, { each: true })
  grounds!: IndicatorKind[];

  @ApiProperty({ minLength: 20, maxLength: 10000, description: 'The written justification; never published in events' })
  @IsString()
  @MinLength(20)
  @MaxLength(10000)
  justification!: string;
}
