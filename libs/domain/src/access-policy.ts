import type { ConfidentialityLevel } from '#contracts';

/** Who is acting, as the token says. */
export interface Actor {
  subject: string;
  role: string;
  organisation: string;
}

/** What the one access rule needs of any record: incidents, cases and the read models built from their events. */
export interface GuardedRecord {
  confidentiality: ConfidentialityLevel;
  /** The reporting organisation of an incident; the organisation that works a case. */
  owningOrganisation: string;
}

export const AccessActions = ['read', 'write', 'read_protected', 'write_protected'] as const;
export type AccessAction = (typeof AccessActions)[number];

const ReadingRoles = ['officer', 'reporting', 'admin'];

/**
 * The access policy of every service, written once.
 * - read: officers, reporting staff and admins; a confidential record exists only inside
 *   its owning organisation (and for admins): to everyone else it is answered as unknown.
 * - write, and protected personal data: officers of the owning organisation, and admins.
 */
export function isAllowed(actor: Actor, record: GuardedRecord, action: AccessAction): boolean {
  if (actor.role === 'admin') return true;
  const inside = actor.organisation === record.owningOrganisation;
  if (action === 'read') return ReadingRoles.includes(actor.role) && (record.confidentiality !== 'confidential' || inside);
  return actor.role === 'officer' && inside;
}

/**
 * The read rule as a SQL condition on the given columns, for lists and figures: the same
 * rule as `isAllowed(actor, record, 'read')` for the roles that may list records.
 * Appends its parameters; returns no condition for admins.
 */
export function readableCondition(
  actor: Actor,
  columns: { confidentiality: string; owningOrganisation: string },
  parameters: unknown[],
): string[] {
  if (actor.role === 'admin') return [];
  parameters.push(actor.organisation);
  return [`(${columns.confidentiality} <> 'confidential' OR ${columns.owningOrganisation} = $${parameters.length})`];
}
