import type { ConfidentialityLevel } from '#contracts';

/** Who is acting, as the token says. */
export interface Actor {
  subject: string;
  role: string;
  organisation: string;
}

const insideReportingOrganisation = (actor: Actor, reportingOrganisation: string) =>
  actor.role === 'admin' || actor.organisation === reportingOrganisation;

/**
 * A confidential incident is seen only inside the organisation that reported it, and by
 * admins; to everyone else it does not exist (404, not 403, so its existence does not leak).
 * Restricted and public incidents are seen by every role allowed to read incidents.
 */
export function maySee(actor: Actor, incident: { confidentiality: ConfidentialityLevel; reportingOrganisation: string }): boolean {
  return incident.confidentiality !== 'confidential' || insideReportingOrganisation(actor, incident.reportingOrganisation);
}

/** Protected personal data: officers of the reporting organisation and admins only. */
export function mayAccessProtectedData(actor: Actor, reportingOrganisation: string): boolean {
  return actor.role === 'admin' || (actor.role === 'officer' && actor.organisation === reportingOrganisation);
}
