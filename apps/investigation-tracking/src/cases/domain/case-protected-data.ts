import type { SurvivorSupportKind } from '#contracts';

/**
 * Identities behind a case's counts: survivors and victims receiving support (6.5, 4.4)
 * and the accused (6.3). Encrypted at rest, readable only by officers of the owning
 * organisation and admins; never in events, logs, lists or errors.
 */
export interface CaseProtectedData {
  survivors: { name: string; contact?: string; supportKinds: SurvivorSupportKind[]; notes?: string }[];
  accused: { name: string; prosecutionId?: string; notes?: string }[];
}
