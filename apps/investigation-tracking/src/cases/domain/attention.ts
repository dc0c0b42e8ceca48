import { MechanismNames } from './case-records.js';
import type { Case } from './case.js';
import { daysBetween, ReportingCalendar, toCalendarDate, type CalendarDate } from './reporting-calendar.js';

export const AttentionKinds = ['report_overdue', 'determined_not_referred', 'referral_stale', 'no_request', 'flagged_for_review'] as const;
export type AttentionKind = (typeof AttentionKinds)[number];

export interface AttentionReason {
  kind: AttentionKind;
  concernedStateCode?: string;
  detail: string;
}

export interface AttentionThresholds {
  overdueDays: number;
  referralStaleDays: number;
  noRequestDays: number;
}

/** Referrals still waiting on the mechanism; declined ones are settled. */
const PendingReferral = ['submitted', 'acknowledged', 'under_preliminary_examination'];

/** Why the Council may need to act on an open case now (recommendation 6.2); none for a closed one. */
export function attentionReasons(found: Case, today: CalendarDate, thresholds: AttentionThresholds): AttentionReason[] {
  if (found.status === 'closed') return [];
  const reasons: AttentionReason[] = [];
  for (const track of found.state.concernedStates) {
    const concernedStateCode = track.stateCode;
    for (const { dueDate, daysOverdue } of ReportingCalendar.of(track.dueDates).overdue(today)) {
      if (daysOverdue > thresholds.overdueDays) {
        const what = dueDate.kind === 'acknowledgement' ? 'acknowledgement' : 'progress report';
        reasons.push({ kind: 'report_overdue', concernedStateCode, detail: `${what} due ${dueDate.dueOn} is ${daysOverdue} days overdue` });
      }
    }
    if (track.stage === 'determined' && track.determination) {
      reasons.push({
        kind: 'determined_not_referred',
        concernedStateCode,
        detail: `determined ${track.determination.finding.replaceAll('_', ' ')} on ${track.determination.decidedOn}, not referred`,
      });
    }
    for (const referral of track.referrals.filter((candidate) => PendingReferral.includes(candidate.status))) {
      const unchanged = daysBetween(referral.statusOn, today);
      if (unchanged > thresholds.referralStaleDays) {
        reasons.push({
          kind: 'referral_stale',
          concernedStateCode,
          detail: `referral to the ${MechanismNames[referral.mechanism]} ${referral.status.replaceAll('_', ' ')} since ${referral.statusOn} (${unchanged} days)`,
        });
      }
    }
    const sinceOpening = daysBetween(toCalendarDate(found.state.openedAt), today);
    if (track.stage === 'not_requested' && sinceOpening > thresholds.noRequestDays) {
      reasons.push({ kind: 'no_request', concernedStateCode, detail: `no request sent ${sinceOpening} days after the case opened` });
    }
  }
  for (const flag of found.state.reviewFlags) {
    reasons.push({ kind: 'flagged_for_review', detail: `${flag.incidentReference} was rejected in intake` });
  }
  return reasons;
}
