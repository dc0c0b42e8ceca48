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

export const AccessActions = ['read', 'count', 'write', 'read_protected', 'write_protected'] as const;
export type AccessAction = (typeof AccessActions)[number];

const ReadingRoles = ['officer', 'reporting', 'admin'];

/**
 * The access policy of every service, written once.
 * - read: officers, reporting staff and admins; a confidential record exists only inside
 *   its owning organisation (and for admins): to everyone else it is answered as unknown.
 * - count (in statistics): what a reader may read; partners, who read no records, count
 *   every record that is not confidential.
 * - write, and protected personal data: officers of the owning organisation, and admins.
 */
export function isAllowed(actor: Actor, record: GuardedRecord, action: AccessAction): boolean {
  if (actor.role === 'admin') return true;
  const inside = actor.organisation === record.owningOrganisation;
  if (action === 'count' && actor.role === 'partner') return record.confidentiality !== 'confidential';
  if (action === 'read' || action === 'count')
    return ReadingRoles.includes(actor.role) && (record.confidentiality !== 'confidential' || inside);
  return actor.role === 'officer' && inside;
}

/**
 * The read rule as a SQL condition on the given columns, for lists and figures: the same
 * rule as `isAllowed(actor, record, 'read')` for the roles that may list records.
 * Appends its parameters; returns no condition for admins.
 */
/**
 * The count rule as a SQL condition: what `isAllowed(actor, record, 'count')` lets into a
 * figure. A record whose confidentiality is unknown (NULL) is left out for all but admins.
 */
export function countableCondition(
  actor: Actor,
  columns: { confidentiality: string; owningOrganisation: string },
  parameters: unknown[],
): string[] {
  if (actor.role === 'partner') return [`${columns.confidentiality} <> 'confidential'`];
  return readableCondition(actor, columns, parameters);
}

export function readableCondition(
  actor: Actor,
  columns: { confidentiality: string; owningOrganisation: string },
  parameters: unknown[],
): string[] {
  if (actor.role === 'admin') return [];
  parameters.push(actor.organisation);
  return [`(${columns.confidentiality} <> 'confidential' OR ${columns.owningOrganisation} = $${parameters.length})`];
}
