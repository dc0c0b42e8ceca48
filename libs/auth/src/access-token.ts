import { Roles, type AccessTokenClaims, type Role } from './roles.js';

/** Limits on a token's time claims, from JWT_MAX_LIFETIME_SECONDS and JWT_CLOCK_SKEW_SECONDS. */
export interface TokenPolicy {
  maxLifetimeSeconds: number;
  clockSkewSeconds: number;
}

/** Injection token of the {@link TokenPolicy} the AuthGuard applies. */
export const TOKEN_POLICY = Symbol('TokenPolicy');

/** The longest `sub` a column holding it accepts (`varchar(200)`: reported_by, actor, updated_by). */
export const MAX_SUBJECT_LENGTH = 200;

/**
 * The longest `org`: 128, not 200, because investigation-tracking's columns and the case event
 * contracts hold the organisation in 128 characters; a longer one would pass intake and then
 * fail every consumer.
 */
export const MAX_ORGANISATION_LENGTH = 128;

/**
 * A bearer token refused, with a reason safe to return in a 401: it names a claim or a
 * generic cause, never an expected value (issuer, audience) or the token's content.
 */
export class InvalidTokenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'InvalidTokenError';
  }
}

/**
 * Checks the claims of a token whose signature, issuer, audience and `exp`/`nbf` the JWT
 * library has already verified: requires `exp`, caps the lifetime (`exp - iat`, or
 * `exp - now` without `iat`), refuses an `iat` in the future beyond the clock skew, and
 * validates `sub`, `org` and `role` as input. `nowSeconds` is the service's clock, as for `exp`.
 */
export function accessTokenClaims(payload: unknown, policy: TokenPolicy, nowSeconds: number): AccessTokenClaims {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new InvalidTokenError('malformed');
  const claims = payload as Record<string, unknown>;

  if (claims.exp === undefined) throw new InvalidTokenError("claim 'exp' is required: tokens must expire");
  if (!isTime(claims.exp)) throw new InvalidTokenError("claim 'exp' must be a NumericDate");
  if (claims.iat !== undefined && !isTime(claims.iat)) throw new InvalidTokenError("claim 'iat' must be a NumericDate");
  const issuedAt = claims.iat as number | undefined;
  if (issuedAt !== undefined && issuedAt > nowSeconds + policy.clockSkewSeconds) {
    throw new InvalidTokenError("claim 'iat' lies in the future");
  }
  if (claims.exp - (issuedAt ?? nowSeconds) > policy.maxLifetimeSeconds) {
    throw new InvalidTokenError(`lifetime exceeds ${policy.maxLifetimeSeconds} seconds`);
  }

  const sub = checkedText(claims, 'sub', MAX_SUBJECT_LENGTH);
  const org = checkedText(claims, 'org', MAX_ORGANISATION_LENGTH);
  if (typeof claims.role !== 'string' || !Roles.includes(claims.role as Role)) {
    throw new InvalidTokenError(`claim 'role' must be one of ${Roles.join(', ')}`);
  }
  return { sub, org, role: claims.role as Role };
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function checkedText(claims: Record<string, unknown>, claim: 'sub' | 'org', maxLength: number): string {
  const value = claims[claim];
  if (typeof value !== 'string' || value.trim() === '' || !isPlainText(value, maxLength)) {
    throw new InvalidTokenError(
      `claim '${claim}' must be a non-empty string of at most ${maxLength} characters, without control characters or lone surrogates`,
    );
  }
  return value;
}

/**
 * At most `maxLength` characters (code points, as PostgreSQL's varchar counts them), none a
 * C0/C1 control character (NUL included) or a surrogate without its pair: PostgreSQL refuses
 * both, which used to surface as a 500.
 */
function isPlainText(value: string, maxLength: number): boolean {
  let length = 0;
  for (const character of value) {
    const code = character.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f) || (code >= 0xd800 && code <= 0xdfff)) return false;
    if (++length > maxLength) return false;
  }
  return true;
}

/**
 * The 401 reason for an error from verifying a token. The JWT libraries' own messages are
 * not returned: some name the expected issuer or audience.
 */
export function invalidTokenReason(error: unknown): string | undefined {
  if (error instanceof InvalidTokenError) return error.reason;
  if (!(error instanceof Error)) return undefined;
  // jsonwebtoken's errors, by name: @nestjs/jwt may resolve its own copy of the library.
  if (error.name === 'TokenExpiredError') return 'expired';
  if (error.name === 'NotBeforeError') return 'not yet valid';
  if (error.name === 'JsonWebTokenError') return jsonWebTokenReason(error.message);
  // jose's errors, from the JWKS key lookup.
  switch ((error as { code?: unknown }).code) {
    case 'ERR_JWKS_NO_MATCHING_KEY':
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'unknown signing key';
    case 'ERR_JOSE_NOT_SUPPORTED':
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'algorithm not accepted';
    case 'ERR_JWT_INVALID':
    case 'ERR_JWS_INVALID':
      return 'malformed';
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return 'signing keys unavailable';
    default:
      return undefined;
  }
}

function jsonWebTokenReason(message: string): string | undefined {
  if (message.startsWith('jwt issuer invalid') || message.startsWith('jwt audience invalid')) return 'wrong issuer or audience';
  if (message === 'invalid signature') return 'bad signature';
  if (message === 'invalid algorithm' || message.startsWith('secretOrPublicKey must be')) return 'algorithm not accepted';
  if (['jwt malformed', 'invalid token', 'jwt signature is required', 'invalid exp value', 'invalid nbf value'].includes(message)) {
    return 'malformed';
  }
  return undefined;
}
