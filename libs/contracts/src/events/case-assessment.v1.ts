import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsIn, IsUUID, Matches, ValidateNested } from 'class-validator';
import {
  DeterminationFindings,
  IndicatorKinds,
  InvestigationStandards,
  JudicialSystemConditions,
  StandardRatings,
  type DeterminationFinding,
  type IndicatorKind,
  type InvestigationStandard,
  type JudicialSystemCondition,
  type StandardRating,
} from '../case-vocabulary.js';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';
import { CalendarDatePattern, ConcernedStateEventV1 } from './case-event.v1.js';

export class StandardRatingV1 {
  @IsIn(InvestigationStandards)
  standard!: InvestigationStandard;

  @IsIn(StandardRatings)
  rating!: StandardRating;
}

/** Payload of `accountability.case.assessed.v1`: the ratings; criteria and evidence stay in the service. */
export class CaseAssessedV1 extends ConcernedStateEventV1 {
  @IsUUID()
  assessmentId!: string;

  @Matches(CalendarDatePattern)
  assessedOn!: string;

  @ValidateNested({ each: true })
  @Type(() => StandardRatingV1)
  @ArrayMaxSize(6)
  ratings!: StandardRatingV1[];

  @IsIn(JudicialSystemConditions)
  judicialSystem!: JudicialSystemCondition;

  /** Indicators of unwillingness or inability the system derived after this assessment (Rome Statute art. 17). */
  @IsIn(IndicatorKinds, { each: true })
  indicators!: IndicatorKind[];
}

export const CaseAssessed = defineEvent({
  type: 'accountability.case.assessed.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseAssessedV1,
  description:
    'Officers assessed the State investigation against the six standards of recommendation 6.1; it supersedes earlier assessments.',
});

/** Payload of the determination events: the finding and the indicators it rests on; the justification stays in the service. */
export class CaseDeterminationV1 extends ConcernedStateEventV1 {
  @IsUUID()
  determinationId!: string;

  @IsIn(DeterminationFindings)
  finding!: DeterminationFinding;

  @IsIn(IndicatorKinds, { each: true })
  grounds!: IndicatorKind[];

  @Matches(CalendarDatePattern)
  decidedOn!: string;

  /** Whether a second officer approved it (four-eyes). */
  @IsBoolean()
  secondApproval!: boolean;
}

export const CaseDeterminationProposed = defineEvent({
  type: 'accountability.case.determination-proposed.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseDeterminationV1,
  description: 'An officer proposed that the concerned State is unable or unwilling; a second officer must approve it (four-eyes).',
});

export const CaseDeterminedUnableUnwilling = defineEvent({
  type: 'accountability.case.determined-unable-unwilling.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseDeterminationV1,
  description: 'It was determined that the concerned State is unable or unwilling genuinely to investigate (recommendation 6.2).',
});
