import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CaseStages,
  ConfidentialityLevels,
  IndicatorKinds,
  type CaseStage,
  type ConfidentialityLevel,
  type IndicatorKind,
} from '#contracts';
import { AttentionKinds, type AttentionKind, type AttentionReason } from '../domain/attention.js';
import type { TimelineEntry } from '../domain/case-records.js';
import type { Case, CaseState, ConcernedStateTrack } from '../domain/case.js';
import type { Indicator } from '../domain/indicators.js';

const records = (description: string) => ApiProperty({ type: 'array', items: { type: 'object' }, description });

export class DueDateDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ['acknowledgement', 'progress_report'] }) kind!: string;
  @ApiProperty() sequence!: number;
  @ApiProperty({ format: 'date' }) dueOn!: string;
  @ApiPropertyOptional({ format: 'date' }) fulfilledOn?: string;
  @ApiPropertyOptional() daysLate?: number;
  @ApiPropertyOptional({ format: 'date', description: 'When the missed date was announced (case.report-overdue)' })
  overdueNotifiedOn?: string;
  @ApiPropertyOptional({ format: 'date' }) cancelledOn?: string;
}

export class IndicatorDto {
  @ApiProperty({ enum: IndicatorKinds }) kind!: IndicatorKind;
  @ApiProperty({ example: 'Rome Statute art. 17(2)(b)' }) legalBasis!: string;
  @ApiProperty({ type: [String], description: 'The facts behind it' }) facts!: string[];
}

export class ConcernedStateDto {
  @ApiProperty({ example: 'SD' }) stateCode!: string;
  @ApiProperty() basis!: string;
  @ApiProperty({ description: 'Stage of this State in the chain' }) stage!: string;
  @ApiProperty({ type: [String], description: 'Transitions allowed now, as their endpoints name them' }) allowedTransitions!: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) request?: object;
  @ApiPropertyOptional({ format: 'date' }) acknowledgedOn?: string;
  @ApiProperty({ type: [DueDateDto] }) dueDates!: DueDateDto[];
  @records('Progress reports, oldest first') progressReports!: object[];
  @records('Assessments, oldest first; the last is current, earlier ones are superseded') assessments!: object[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) determination?: object;
  @records('Referrals to international mechanisms with their status history') referrals!: object[];
  @ApiProperty({ type: [IndicatorDto], description: 'As of today; the system recommends, a person decides' }) indicators!: IndicatorDto[];
}

export class TimelineEntryDto {
  @ApiProperty() sequence!: number;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty() by!: string;
  @ApiProperty() action!: string;
  @ApiPropertyOptional() concernedStateCode?: string;
  @ApiProperty() summary!: string;
  @ApiPropertyOptional() reason?: string;
}

/** A case as lists show it. */
export class CaseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'CASE-2026-000017' }) reference!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: CaseStages }) stage!: CaseStage;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty() owningOrganisation!: string;
  @ApiProperty({ enum: ConfidentialityLevels }) confidentiality!: ConfidentialityLevel;
  @ApiProperty({ example: 'SD' }) countryCode!: string;
  @ApiProperty({ type: [String], example: ['SD'] }) concernedStateCodes!: string[];
  @ApiProperty({ format: 'uuid', description: 'The incident the case was opened for' }) incidentId!: string;
  @ApiProperty({ example: 'INC-2026-000042' }) incidentReference!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ enum: ['opening_policy', 'officer'] }) openedBecause!: string;
  @ApiPropertyOptional({ type: DueDateDto, description: 'The earliest open due date of any concerned State' }) nextDue?: DueDateDto & {
    concernedStateCode: string;
  };
  @ApiProperty({ description: 'Incidents of the case were rejected in intake' }) flaggedForReview!: boolean;

  static from(found: Case): CaseSummaryDto {
    const state = found.state;
    const primary = state.incidents.find((link) => link.kind === 'primary') ?? state.incidents[0];
    return {
      id: state.id,
      reference: state.reference,
      version: state.version,
      stage: found.stage,
      status: found.status,
      owningOrganisation: state.owningOrganisation,
      confidentiality: state.confidentiality,
      countryCode: state.countryCode,
      concernedStateCodes: state.concernedStates.map((track) => track.stateCode),
      incidentId: primary.incidentId,
      incidentReference: primary.incidentReference,
      openedAt: state.openedAt.toISOString(),
      openedBecause: state.openedBecause,
      nextDue: found.nextDue(),
      flaggedForReview: state.reviewFlags.length > 0,
    };
  }
}

/** GET /cases/:id: the whole case, its ordered timeline, next due date and current indicators. */
export class CaseDetailDto extends CaseSummaryDto {
  @records('Incidents of the case: primary, related, duplicate (counted once)') incidents!: object[];
  @ApiProperty({ type: [ConcernedStateDto] }) concernedStates!: ConcernedStateDto[];
  @ApiProperty({ type: [String], description: 'Case transitions allowed now' }) allowedTransitions!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true }) reportingPolicy!: object;
  @records('Domestic prosecutions (6.3)') prosecutions!: object[];
  @records('Capacity support (6.4)') capacitySupport!: object[];
  @records('Survivor and victim support, counts per kind (6.5, 4.4)') survivorSupport!: object[];
  @records('Evidence register: metadata, SHA-256 and chain of custody') evidence!: object[];
  @records('Incidents rejected in intake while in the case') reviewFlags!: object[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) closure?: object;
  @ApiProperty({ type: [TimelineEntryDto] }) timeline!: TimelineEntryDto[];

  static fromDetail(found: Case, timeline: TimelineEntry[], indicators: Record<string, Indicator[]>): CaseDetailDto {
    const state: CaseState = found.state;
    const allowed = found.allowedTransitions();
    return {
      ...CaseSummaryDto.from(found),
      incidents: state.incidents.map((link) => ({ ...link, linkedAt: link.linkedAt.toISOString() })),
      concernedStates: state.concernedStates.map((track: ConcernedStateTrack) => ({
        ...track,
        allowedTransitions: allowed.concernedStates[track.stateCode],
        indicators: indicators[track.stateCode] ?? [],
      })),
      allowedTransitions: [...allowed.case],
      reportingPolicy: state.reportingPolicy,
      prosecutions: state.prosecutions,
      capacitySupport: state.capacitySupport,
      survivorSupport: state.survivorSupport,
      evidence: state.evidence,
      reviewFlags: state.reviewFlags.map((flag) => ({ ...flag, flaggedAt: flag.flaggedAt.toISOString() })),
      closure: state.closure && { ...state.closure, closedAt: state.closure.closedAt.toISOString() },
      timeline: timeline.map((entry) => ({ ...entry, at: entry.at.toISOString() })),
    };
  }
}

export class CasePageResponseDto {
  @ApiProperty({ type: [CaseSummaryDto] }) items!: CaseSummaryDto[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page' }) nextCursor!:
    string | null;
}

export class AttentionReasonDto {
  @ApiProperty({ enum: AttentionKinds }) kind!: AttentionKind;
  @ApiPropertyOptional() concernedStateCode?: string;
  @ApiProperty() detail!: string;
}

export class CaseNeedingAttentionDto extends CaseSummaryDto {
  @ApiProperty({ type: [AttentionReasonDto] }) reasons!: AttentionReason[];
}
