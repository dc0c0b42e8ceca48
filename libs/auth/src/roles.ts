/**
 * officer: records incidents, works cases; reporting: statistics and Council documents;
 * partner: read-only aggregates and event streams; admin: administers the system.
 */
export const Roles = ['officer', 'reporting', 'partner', 'admin'] as const;
export type Role = (typeof Roles)[number];

/** Who is calling, from the verified token. */
export interface AuthenticatedUser {
  subject: string;
  role: Role;
  /** Organisation of the user: protected personal data is visible only inside it. */
  organisation: string;
}

/** Claims of the tokens this system accepts (besides iss, aud, exp, iat). */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  org: string;
}
