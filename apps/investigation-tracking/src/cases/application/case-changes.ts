import type { ClosureOutcome, ConcernedStateBasis, SurvivorSupportKind, SurvivorSupportStatus } from '#contracts';
import type {
  CapacitySupportUpdate,
  DeterminationProposal,
  EvidenceRegistration,
  NewAssessment,
  NewCapacitySupport,
  NewProsecution,
  ProgressReport,
  ProsecutionUpdate,
  Referral,
  ReferralUpdate,
  StateRequest,
} from '../domain/case-records.js';
import type { CalendarDate, ReportingPolicy } from '../domain/reporting-calendar.js';

/**
 * Every change an officer makes to an existing case, named as the transition table names
 * it. One endpoint sends one of these; `ChangeCaseHandler` applies it through the domain.
 */
export type CaseChange =
  | { kind: 'link_incident'; incidentId: string; linkKind: 'related' | 'duplicate'; duplicateOfIncidentId?: string; reason: string }
  | { kind: 'unlink_incident'; incidentId: string; reason: string }
  | { kind: 'add_concerned_state'; stateCode: string; basis: ConcernedStateBasis; reason: string }
  | { kind: 'override_reporting_policy'; policy: ReportingPolicy; reason: string }
  | { kind: 'request_investigation'; stateCode: string; request: StateRequest }
  | { kind: 'acknowledge'; stateCode: string; receivedOn: CalendarDate }
  | { kind: 'report_progress'; stateCode: string; report: Omit<ProgressReport, 'daysLate'> }
  | { kind: 'assess'; stateCode: string; assessment: NewAssessment }
  | { kind: 'determine'; stateCode: string; proposal: DeterminationProposal }
  | { kind: 'approve_determination'; stateCode: string }
  | { kind: 'refer'; stateCode: string; referral: Pick<Referral, 'mechanism' | 'referredOn' | 'reference'> }
  | { kind: 'update_referral'; referralId: string; update: ReferralUpdate }
  | { kind: 'record_prosecution'; prosecution: NewProsecution }
  | { kind: 'update_prosecution'; prosecutionId: string; update: ProsecutionUpdate }
  | { kind: 'record_capacity_support'; support: NewCapacitySupport }
  | { kind: 'update_capacity_support'; supportId: string; update: CapacitySupportUpdate }
  | { kind: 'update_survivor_support'; supportKind: SurvivorSupportKind; personsSupported: number; status: SurvivorSupportStatus }
  | { kind: 'register_evidence'; evidence: EvidenceRegistration }
  | { kind: 'transfer_evidence'; itemId: string; to: string; on: CalendarDate; reason: string }
  | { kind: 'check_evidence'; itemId: string; sha256: string }
  | { kind: 'close'; outcome: ClosureOutcome; reason: string }
  | { kind: 'reopen'; reason: string };
