import type { ReportingPeriod } from '../domain/reporting-period.js';

/** Which cases the accountability figures cover. */
export interface AccountabilityFilter {
  /** Cases whose incident occurred in the period; every case when absent. */
  period?: ReportingPeriod;
  /** Only these concerned States. */
  stateCodes?: readonly string[];
  /** The data date: overdue days and days since the request are counted to it. */
  asOfDay: string;
}

export const AccountabilityMeasures = [
  'cases',
  'requestsMade',
  'requestsAcknowledged',
  'progressReportsReceived',
  'reportsOverdue',
  'determinations',
  'referrals',
  'prosecutions',
  'convictions',
] as const;
export type AccountabilityMeasure = (typeof AccountabilityMeasures)[number];
