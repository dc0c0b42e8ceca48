import { IsIn, IsInt, IsOptional, IsUUID, Matches, Min } from 'class-validator';
import {
  AppealStatuses,
  CapacitySupportKinds,
  CapacitySupportStatuses,
  ChargeCategories,
  SentenceCategories,
  SurvivorSupportKinds,
  SurvivorSupportStatuses,
  TrialStatuses,
  Verdicts,
  type AppealStatus,
  type CapacitySupportKind,
  type CapacitySupportStatus,
  type ChargeCategory,
  type SentenceCategory,
  type SurvivorSupportKind,
  type SurvivorSupportStatus,
  type TrialStatus,
  type Verdict,
} from '../case-vocabulary.js';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';
import { CalendarDatePattern, CaseEventV1, ConcernedStateEventV1 } from './case-event.v1.js';

/** Payload of `accountability.case.prosecution-updated.v1` (recommendation 6.3): counts and categories, never names. */
export class CaseProsecutionUpdatedV1 extends ConcernedStateEventV1 {
  @IsUUID()
  prosecutionId!: string;

  @IsInt()
  @Min(0)
  accusedCount!: number;

  @IsIn(ChargeCategories, { each: true })
  charges!: ChargeCategory[];

  @IsIn(TrialStatuses)
  trialStatus!: TrialStatus;

  @IsOptional()
  @IsIn(Verdicts)
  verdict?: Verdict;

  @IsOptional()
  @IsIn(SentenceCategories)
  sentence?: SentenceCategory;

  @IsIn(AppealStatuses)
  appeal!: AppealStatus;

  @Matches(CalendarDatePattern)
  statusOn!: string;
}

export const CaseProsecutionUpdated = defineEvent({
  type: 'accountability.case.prosecution-updated.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseProsecutionUpdatedV1,
  description: 'A domestic prosecution was recorded or moved on: charges, trial, verdict, sentence, appeal.',
});

/** Payload of `accountability.case.capacity-support-recorded.v1` (recommendation 6.4). */
export class CaseCapacitySupportRecordedV1 extends CaseEventV1 {
  @IsUUID()
  supportId!: string;

  @IsIn(CapacitySupportKinds)
  kind!: CapacitySupportKind;

  @IsIn(CapacitySupportStatuses)
  status!: CapacitySupportStatus;

  @Matches(CalendarDatePattern)
  startOn!: string;

  @IsOptional()
  @Matches(CalendarDatePattern)
  endOn?: string;
}

export const CaseCapacitySupportRecorded = defineEvent({
  type: 'accountability.case.capacity-support-recorded.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseCapacitySupportRecordedV1,
  description: 'Technical assistance, an exchange of expertise or a deployment of independent investigators was recorded or updated.',
});

/** Payload of `accountability.case.survivor-support-updated.v1` (recommendations 6.5 and 4.4): counts only. */
export class CaseSurvivorSupportUpdatedV1 extends CaseEventV1 {
  @IsIn(SurvivorSupportKinds)
  kind!: SurvivorSupportKind;

  @IsInt()
  @Min(0)
  personsSupported!: number;

  @IsIn(SurvivorSupportStatuses)
  status!: SurvivorSupportStatus;
}

export const CaseSurvivorSupportUpdated = defineEvent({
  type: 'accountability.case.survivor-support-updated.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseSurvivorSupportUpdatedV1,
  description:
    'Support to survivors and victims of the case changed: legal aid, medical, psychosocial, compensation, livelihood, protection.',
});
