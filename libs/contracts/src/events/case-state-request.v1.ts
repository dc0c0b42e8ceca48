import { IsBoolean, IsIn, IsInt, IsUUID, Matches, Max, Min } from 'class-validator';
import {
  DueDateKinds,
  InvestigationStatuses,
  RequestChannels,
  type DueDateKind,
  type InvestigationStatus,
  type RequestChannel,
} from '../case-vocabulary.js';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';
import { CalendarDatePattern, CaseEventV1, ConcernedStateEventV1 } from './case-event.v1.js';

export const ConcernedStateBases = ['territorial_state', 'nationality_of_alleged_perpetrators', 'nationality_of_victims', 'other'] as const;
export type ConcernedStateBasis = (typeof ConcernedStateBases)[number];

/** Payload of `accountability.case.concerned-state-added.v1`. */
export class CaseConcernedStateAddedV1 extends ConcernedStateEventV1 {
  @IsIn(ConcernedStateBases)
  basis!: ConcernedStateBasis;
}

export const CaseConcernedStateAdded = defineEvent({
  type: 'accountability.case.concerned-state-added.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseConcernedStateAddedV1,
  description: 'Another State was made a concerned State of the case; it gets its own request, schedule and assessment.',
});

/** Payload of `accountability.case.state-requested.v1` (recommendation 6.1). */
export class CaseStateRequestedV1 extends ConcernedStateEventV1 {
  @Matches(CalendarDatePattern)
  requestedOn!: string;

  @IsIn(RequestChannels)
  channel!: RequestChannel;

  @Matches(CalendarDatePattern)
  acknowledgementDueOn!: string;

  @Matches(CalendarDatePattern)
  firstReportDueOn!: string;
}

export const CaseStateRequested = defineEvent({
  type: 'accountability.case.state-requested.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseStateRequestedV1,
  description:
    'The concerned State was requested to conduct a full, prompt, impartial, independent, transparent and effective investigation and to report regularly on progress (recommendation 6.1).',
});

/** Payload of `accountability.case.state-acknowledged.v1`. */
export class CaseStateAcknowledgedV1 extends ConcernedStateEventV1 {
  @Matches(CalendarDatePattern)
  acknowledgedOn!: string;

  @IsInt()
  @Min(0)
  daysLate!: number;
}

export const CaseStateAcknowledged = defineEvent({
  type: 'accountability.case.state-acknowledged.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseStateAcknowledgedV1,
  description: 'The concerned State acknowledged the request.',
});

/** Payload of `accountability.case.progress-reported.v1`. */
export class CaseProgressReportedV1 extends ConcernedStateEventV1 {
  @Matches(CalendarDatePattern)
  receivedOn!: string;

  @IsIn(InvestigationStatuses)
  investigationStatus!: InvestigationStatus;

  /** A count only; who they are never leaves the service. */
  @IsInt()
  @Min(0)
  suspectsIdentified!: number;

  @IsBoolean()
  preventionMeasuresReported!: boolean;

  @IsBoolean()
  familiesInformed!: boolean;

  @IsInt()
  @Min(0)
  daysLate!: number;

  @Matches(CalendarDatePattern)
  nextReportDueOn!: string;
}

export const CaseProgressReported = defineEvent({
  type: 'accountability.case.progress-reported.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseProgressReportedV1,
  description: 'The concerned State reported on the progress of its investigation; the next report is scheduled.',
});

/** Payload of `accountability.case.report-overdue.v1`: one event per missed date, never per tick. */
export class CaseReportOverdueV1 extends ConcernedStateEventV1 {
  @IsUUID()
  dueDateId!: string;

  @IsIn(DueDateKinds)
  dueKind!: DueDateKind;

  @IsInt()
  @Min(1)
  sequence!: number;

  @Matches(CalendarDatePattern)
  dueOn!: string;

  @Matches(CalendarDatePattern)
  detectedOn!: string;
}

export const CaseReportOverdue = defineEvent({
  type: 'accountability.case.report-overdue.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseReportOverdueV1,
  description: 'A date by which the concerned State was to acknowledge or report passed without it.',
});

/** Payload of `accountability.case.reporting-policy-changed.v1`; the reason stays in the service. */
export class CaseReportingPolicyChangedV1 extends CaseEventV1 {
  @IsInt()
  @Min(1)
  @Max(3650)
  acknowledgementDays!: number;

  @IsInt()
  @Min(1)
  @Max(3650)
  firstReportDays!: number;

  @IsInt()
  @Min(1)
  @Max(3650)
  reportIntervalDays!: number;
}

export const CaseReportingPolicyChanged = defineEvent({
  type: 'accountability.case.reporting-policy-changed.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseReportingPolicyChangedV1,
  description: 'The reporting policy of the case was overridden; open due dates were recomputed from it.',
});
