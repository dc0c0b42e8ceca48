import type {
  AppealStatus,
  CapacitySupportKind,
  CapacitySupportStatus,
  ChargeCategory,
  ClosureOutcome,
  ConfidentialityLevel,
  DeterminationFinding,
  EvidenceCategory,
  IncidentLinkKind,
  IndicatorKind,
  InvestigationStatus,
  JudicialSystemCondition,
  Mechanism,
  ReferralOutcome,
  ReferralStatus,
  RequestChannel,
  SentenceCategory,
  SurvivorSupportKind,
  SurvivorSupportStatus,
  TrialStatus,
  Verdict,
} from '#contracts';
import type { CaseTransition, TrackTransition } from './case-workflow.js';
import type { StandardAssessment } from './indicators.js';
import type { CalendarDate } from './reporting-calendar.js';

/** The records a case holds, step by step of recommendation 6. */

export interface IncidentLink {
  incidentId: string;
  incidentReference: string;
  countryCode: string;
  confidentiality: ConfidentialityLevel;
  kind: IncidentLinkKind;
  duplicateOfIncidentId?: string;
  linkedAt: Date;
}

export interface ReviewFlag {
  incidentId: string;
  incidentReference: string;
  flaggedAt: Date;
  cause: 'incident_rejected';
}

/** 6.1: the request to the concerned State's authorities. */
export interface StateRequest {
  requestedOn: CalendarDate;
  channel: RequestChannel;
  /** The authority addressed, e.g. the Office of the Prosecutor General; never a private person. */
  addresseeAuthority: string;
  reference?: string;
}

export interface ProgressReport {
  receivedOn: CalendarDate;
  investigatingAuthority: string;
  investigationStatus: InvestigationStatus;
  suspectsIdentified: number;
  preventionMeasuresReported: boolean;
  /** Measures to prevent recurrence, as the State describes them. */
  preventionMeasures?: string;
  familiesInformed: boolean;
  daysLate: number;
}

export interface NewAssessment {
  assessedOn: CalendarDate;
  judicialSystem: JudicialSystemCondition;
  ratings: StandardAssessment[];
}

export interface Assessment extends NewAssessment {
  id: string;
  assessedBy: string;
  /** The indicators derived right after it was recorded. */
  indicators: IndicatorKind[];
}

export interface DeterminationProposal {
  finding: DeterminationFinding;
  grounds: IndicatorKind[];
  justification: string;
}

export interface Determination extends DeterminationProposal {
  id: string;
  decidedBy: string;
  decidedOn: CalendarDate;
  status: 'pending_approval' | 'effective';
  approvedBy?: string;
  approvedOn?: CalendarDate;
}

/** 6.2: a referral to an international mechanism, followed to its outcome. */
export interface Referral {
  id: string;
  mechanism: Mechanism;
  referredOn: CalendarDate;
  reference?: string;
  status: ReferralStatus;
  statusOn: CalendarDate;
  outcome?: ReferralOutcome;
  outcomeSummary?: string;
  history: { status: ReferralStatus; on: CalendarDate; by: string }[];
}

export interface ReferralUpdate {
  status: ReferralStatus;
  on: CalendarDate;
  outcome?: ReferralOutcome;
  outcomeSummary?: string;
}

/** 6.3: a domestic prosecution; the accused are counted here, named only in protected storage. */
export interface NewProsecution {
  concernedStateCode: string;
  court: string;
  accusedCount: number;
  charges: ChargeCategory[];
  trialStatus: TrialStatus;
  verdict?: Verdict;
  sentence?: SentenceCategory;
  appeal: AppealStatus;
  statusOn: CalendarDate;
}

export interface Prosecution extends NewProsecution {
  id: string;
  history: { trialStatus: TrialStatus; on: CalendarDate; by: string }[];
}

export type ProsecutionUpdate = Partial<Pick<NewProsecution, 'accusedCount' | 'charges' | 'verdict' | 'sentence' | 'appeal'>> &
  Pick<NewProsecution, 'trialStatus' | 'statusOn'>;

/** 6.4: technical assistance, exchange of expertise, deployment of independent investigators. */
export interface NewCapacitySupport {
  kind: CapacitySupportKind;
  /** The providing organisation or State. */
  provider: string;
  startOn: CalendarDate;
  endOn?: CalendarDate;
  status: CapacitySupportStatus;
}

export interface CapacitySupport extends NewCapacitySupport {
  id: string;
}

export interface CapacitySupportUpdate {
  status: CapacitySupportStatus;
  endOn?: CalendarDate;
}

/** 6.5 and 4.4: counts and status per kind of support; identities only in protected storage. */
export interface SurvivorSupport {
  kind: SurvivorSupportKind;
  personsSupported: number;
  status: SurvivorSupportStatus;
  updatedOn: CalendarDate;
}

export interface EvidenceRegistration {
  category: EvidenceCategory;
  /** Lower-case hex SHA-256 of the item; the file itself is stored elsewhere. */
  sha256: string;
  /** The organisation it came from; never a private person's name. */
  receivedFrom: string;
  receivedOn: CalendarDate;
  /** Who holds it now (an organisation or unit). */
  holder: string;
  description?: string;
}

export interface EvidenceItem extends EvidenceRegistration {
  id: string;
  custody: { from: string; to: string; on: CalendarDate; reason: string; by: string }[];
  checks: { on: CalendarDate; sha256: string; matched: boolean; by: string }[];
  /** False once a copy with another SHA-256 was presented. */
  integrityIntact: boolean;
}

export interface Closure {
  outcome: ClosureOutcome;
  reason: string;
  closedAt: Date;
  by: string;
}

/** One entry of the case's ordered timeline: every transition with who, when and why. */
export interface TimelineEntry {
  sequence: number;
  version: number;
  at: Date;
  by: string;
  action: CaseTransition | TrackTransition | 'open';
  concernedStateCode?: string;
  summary: string;
  reason?: string;
}

/** How the timeline names each mechanism. */
export const MechanismNames: Record<Mechanism, string> = {
  international_criminal_court: 'International Criminal Court',
  commission_of_inquiry: 'commission of inquiry',
  fact_finding_mission: 'fact-finding mission',
  international_investigative_mechanism: 'international investigative mechanism',
  international_or_hybrid_tribunal: 'international or hybrid tribunal',
  regional_human_rights_court: 'regional human rights court',
};
