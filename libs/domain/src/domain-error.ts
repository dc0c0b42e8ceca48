/** One offending field of a rejected input, as shown to the person who sent it. */
export interface FieldProblem {
  field: string;
  problems: string[];
}

/**
 * Base of every domain rule violation. The kind decides the HTTP status in the one
 * exception filter; domain code never knows about HTTP.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'malformed' | 'forbidden' | 'not_found' | 'conflict' | 'inconsistent' | 'stale';

  constructor(
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Well-formed input that breaks a domain rule (HTTP 422). */
export class InconsistentInputError extends DomainError {
  readonly kind = 'inconsistent' as const;
}

/** A record that does not exist or is not visible to the caller (HTTP 404). */
export class NotFoundError extends DomainError {
  readonly kind = 'not_found' as const;
}

/** A state transition or uniqueness rule that forbids the request (HTTP 409). */
export class ConflictError extends DomainError {
  readonly kind = 'conflict' as const;
}

/** An update based on a version that is no longer current (HTTP 412). */
export class StaleVersionError extends DomainError {
  readonly kind = 'stale' as const;
}

/** Input the caller must fix before it can even be read, such as a damaged cursor (HTTP 400). */
export class MalformedInputError extends DomainError {
  readonly kind = 'malformed' as const;
}

/** The caller's role or organisation may not see or do this (HTTP 403). */
export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden' as const;
}
