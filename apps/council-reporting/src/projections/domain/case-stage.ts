import type { CaseStage } from '#contracts';

/** What the case projection knows of one concerned State's part of a case. */
export interface StateProgress {
  closed: boolean;
  requested: boolean;
  acknowledged: boolean;
  reportsReceived: number;
  determinationProposed: boolean;
  determined: boolean;
  referred: boolean;
}

/** How far one concerned State's track has come along the chain of recommendation 6. */
export function stageOf(progress: StateProgress): CaseStage {
  if (progress.closed) return 'closed';
  if (progress.referred) return 'referred';
  if (progress.determined) return 'determined_unable_unwilling';
  if (progress.determinationProposed) return 'determination_pending';
  if (progress.reportsReceived > 0) return 'state_reporting';
  if (progress.acknowledged) return 'state_acknowledged';
  if (progress.requested) return 'state_requested';
  return 'opened';
}
