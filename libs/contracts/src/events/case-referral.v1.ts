import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import {
  Mechanisms,
  ReferralOutcomes,
  ReferralStatuses,
  type Mechanism,
  type ReferralOutcome,
  type ReferralStatus,
} from '../case-vocabulary.js';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';
import { CalendarDatePattern, ConcernedStateEventV1 } from './case-event.v1.js';

/** Payload of `accountability.case.referred.v1` and `accountability.case.referral-updated.v1` (recommendation 6.2). */
export class CaseReferralV1 extends ConcernedStateEventV1 {
  @IsUUID()
  referralId!: string;

  @IsIn(Mechanisms)
  mechanism!: Mechanism;

  @IsIn(ReferralStatuses)
  status!: ReferralStatus;

  @Matches(CalendarDatePattern)
  statusOn!: string;

  @IsOptional()
  @IsIn(ReferralOutcomes)
  outcome?: ReferralOutcome;
}

export const CaseReferred = defineEvent({
  type: 'accountability.case.referred.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseReferralV1,
  description: 'The case was referred to an international mechanism after the concerned State was determined unable or unwilling.',
});

export const CaseReferralUpdated = defineEvent({
  type: 'accountability.case.referral-updated.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseReferralV1,
  description: 'A referral changed status or reached its outcome.',
});
