import type { CaseStage } from '#contracts';
import { ConflictError } from '#domain';

/** Where one concerned State stands in the chain of recommendation 6. */
export const TrackStages = [
  'not_requested',
  'requested',
  'acknowledged',
  'reporting',
  'determination_pending',
  'determined',
  'referred',
] as const;
export type TrackStage = (typeof TrackStages)[number];

/** Transitions of one concerned State's part of the chain (6.1, 6.2). */
export const TrackTransitions = [
  'request_investigation',
  'acknowledge',
  'report_progress',
  'assess',
  'determine',
  'approve_determination',
  'refer',
  'update_referral',
] as const;
export type TrackTransition = (typeof TrackTransitions)[number];

/** Transitions of the case as a whole; the last three are the system's, not an officer's. */
export const CaseTransitions = [
  'add_concerned_state',
  'link_incident',
  'unlink_incident',
  'override_reporting_policy',
  'update_prosecution',
  'record_capacity_support',
  'update_survivor_support',
  'register_evidence',
  'transfer_evidence',
  'check_evidence',
  'close',
  'reopen',
  'mark_overdue',
  'flag_for_review',
  'follow_incident_confidentiality',
] as const;
export type CaseTransition = (typeof CaseTransitions)[number];

export type CaseStatus = 'open' | 'closed';

/** Where each transition of a concerned State leads from each stage; a missing entry is refused. */
const TrackTable: Record<TrackStage, Partial<Record<TrackTransition, TrackStage>>> = {
  not_requested: { request_investigation: 'requested' },
  requested: { acknowledge: 'acknowledged', report_progress: 'reporting', assess: 'requested', determine: 'determined' },
  acknowledged: { report_progress: 'reporting', assess: 'acknowledged', determine: 'determined' },
  reporting: { report_progress: 'reporting', assess: 'reporting', determine: 'determined' },
  // A State may go on reporting while a determination awaits its second approval, or after it.
  determination_pending: { approve_determination: 'determined', report_progress: 'determination_pending', assess: 'determination_pending' },
  determined: { refer: 'referred', report_progress: 'determined', assess: 'determined' },
  referred: { refer: 'referred', update_referral: 'referred', report_progress: 'referred', assess: 'referred' },
};

/** Case transitions allowed while the case is open or closed. Custody of evidence goes on after closure. */
const CaseTable: Record<CaseStatus, readonly CaseTransition[]> = {
  open: CaseTransitions.filter((transition) => transition !== 'reopen'),
  closed: ['reopen', 'transfer_evidence', 'check_evidence', 'flag_for_review', 'follow_incident_confidentiality'],
};

/** An illegal transition: 409, with the transitions allowed from where the case stands. */
export class IllegalTransitionError extends ConflictError {
  constructor(message: string, allowed: readonly string[]) {
    super(message, [{ field: 'allowedTransitions', problems: allowed.length ? [...allowed] : ['none'] }]);
  }
}

/** The explicit transition table of the chain; pure, so it is tested table by table. */
export const CaseWorkflow = {
  allowedForCase(status: CaseStatus): readonly CaseTransition[] {
    return CaseTable[status];
  },

  allowedForTrack(status: CaseStatus, stage: TrackStage): TrackTransition[] {
    return status === 'closed' ? [] : (Object.keys(TrackTable[stage]) as TrackTransition[]);
  },

  /** Refuses a case transition the status does not allow. */
  assertCase(status: CaseStatus, transition: CaseTransition, reference: string): void {
    if (!CaseTable[status].includes(transition)) {
      throw new IllegalTransitionError(`Case ${reference} is ${status}; ${transition} is not allowed`, [...CaseTable[status]]);
    }
  },

  /** The stage a concerned State reaches by a transition, or a refusal naming what is allowed instead. */
  nextStage(status: CaseStatus, stage: TrackStage, transition: TrackTransition, where: string): TrackStage {
    const next = status === 'closed' ? undefined : TrackTable[stage][transition];
    if (!next) {
      const allowed = status === 'closed' ? ['reopen'] : CaseWorkflow.allowedForTrack(status, stage);
      throw new IllegalTransitionError(
        `${where} is ${status === 'closed' ? 'in a closed case' : `at stage ${stage}`}; ${transition} is not allowed`,
        allowed,
      );
    }
    return next;
  },

  /** How far the case has come: the furthest of its concerned States, or closed. */
  caseStage(status: CaseStatus, stages: readonly TrackStage[]): CaseStage {
    if (status === 'closed') return 'closed';
    const furthest = Math.max(0, ...stages.map((stage) => TrackStages.indexOf(stage)));
    return StageOfTrack[TrackStages[furthest]];
  },
};

const StageOfTrack: Record<TrackStage, CaseStage> = {
  not_requested: 'opened',
  requested: 'state_requested',
  acknowledged: 'state_acknowledged',
  reporting: 'state_reporting',
  determination_pending: 'determination_pending',
  determined: 'determined_unable_unwilling',
  referred: 'referred',
};
