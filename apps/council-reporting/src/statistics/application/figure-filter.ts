import type { IncidentStatus } from '#contracts';
import type { Actor } from '#domain';
import type { GroupKey } from '../domain/dimensions.js';
import type { ReportingPeriod } from '../domain/reporting-period.js';

/** Which incidents a figure counts, besides what the actor may count. */
export interface FigureFilter {
  period?: ReportingPeriod;
  /** Only incidents in this status; by default every incident that is not rejected. */
  status?: IncidentStatus;
  /** Rejected incidents too (and every other status). */
  includeRejected?: boolean;
  /** Only incidents (or people, or premises) with these values. */
  where: GroupKey;
}

/** Exact figures for reporting staff and admins; partners get disclosure control. */
export type Disclosure = 'exact' | 'partner';

export function disclosureFor(actor: Actor): Disclosure {
  return actor.role === 'partner' ? 'partner' : 'exact';
}
