import jsonwebtoken from 'jsonwebtoken';
import { accessTokenClaims, InvalidTokenError, invalidTokenReason, type TokenPolicy } from './access-token.js';

const now = 1_800_000_000;
const policy: TokenPolicy = { maxLifetimeSeconds: 12 * 3600, clockSkewSeconds: 60 };
const valid = { sub: 'officer-1', org: 'org-a', role: 'officer', iat: now, exp: now + 8 * 3600 };

function reasonFor(payload: unknown): string | undefined {
  try {
    accessTokenClaims(payload, policy, now);
  } catch (error) {
    if (error instanceof InvalidTokenError) return error.reason;
    throw error;
  }
  return undefined;
}

describe('accessTokenClaims', () => {
  it('returns the claims of a valid token', () => {
    expect(accessTokenClaims(valid, policy, now)).toEqual({ sub: 'officer-1', org: 'org-a', role: 'officer' });
  });

  it.each([
    ['exactly the longest lifetime', { exp: now + 12 * 3600 }],
    ['no iat, exp within the lifetime from now', { iat: undefined, exp: now + 3600 }],
    ['iat ahead within the clock skew', { iat: now + 60, exp: now + 3600 }],
    ['a sub of 200 characters', { sub: 's'.repeat(200) }],
    ['an org of 128 characters', { org: 'o'.repeat(128) }],
    ['a sub with a paired surrogate (emoji) and accents', { sub: 'Zoë 😀' }],
    ['every role', { role: 'admin' }],
  ])('accepts %s', (_case, change) => {
    expect(reasonFor({ ...valid, ...change })).toBeUndefined();
  });

  it.each([
    ['not an object', 'a string payload', 'malformed'],
    ['no exp', { ...valid, exp: undefined }, "claim 'exp' is required"],
    ['a textual exp', { ...valid, exp: String(now + 60) }, "claim 'exp' must be a NumericDate"],
    ['a textual iat', { ...valid, iat: 'yesterday' }, "claim 'iat' must be a NumericDate"],
    ['a lifetime one second too long', { ...valid, exp: now + 12 * 3600 + 1 }, 'lifetime exceeds 43200 seconds'],
    ['no iat and exp too far from now', { ...valid, iat: undefined, exp: now + 13 * 3600 }, 'lifetime exceeds 43200 seconds'],
    ['iat in the future beyond the skew', { ...valid, iat: now + 61, exp: now + 3600 }, "claim 'iat' lies in the future"],
    ['no sub', { ...valid, sub: undefined }, "claim 'sub' must be"],
    ['an empty sub', { ...valid, sub: '' }, "claim 'sub' must be"],
    ['a blank sub', { ...valid, sub: '   ' }, "claim 'sub' must be"],
    ['a numeric sub', { ...valid, sub: 42 }, "claim 'sub' must be"],
    ['a sub of 201 characters', { ...valid, sub: 's'.repeat(201) }, "claim 'sub' must be"],
    ['a sub with NUL', { ...valid, sub: 'a\u0000b' }, "claim 'sub' must be"],
    ['a sub with a lone high surrogate', { ...valid, sub: 'a\ud800' }, "claim 'sub' must be"],
    ['a sub with a lone low surrogate', { ...valid, sub: '\udc00b' }, "claim 'sub' must be"],
    ['no org', { ...valid, org: undefined }, "claim 'org' must be"],
    ['an org of 129 characters', { ...valid, org: 'o'.repeat(129) }, "claim 'org' must be"],
    ['an org with NUL', { ...valid, org: 'org\u0000' }, "claim 'org' must be"],
    ['an org with a line break', { ...valid, org: 'org\nb' }, "claim 'org' must be"],
    ['an org array', { ...valid, org: ['org-a'] }, "claim 'org' must be"],
    ['an unknown role', { ...valid, role: 'root' }, "claim 'role' must be one of officer, reporting, partner, admin"],
    ['no role', { ...valid, role: undefined }, "claim 'role' must be one of"],
  ])('refuses %s', (_case, payload, reason) => {
    expect(reasonFor(payload)).toContain(reason);
  });
});

describe('invalidTokenReason', () => {
  const secret = 'x'.repeat(40);
  const verify = (token: string) => {
    try {
      jsonwebtoken.verify(token, secret, { algorithms: ['HS256'], issuer: 'accountability-local', audience: 'accountability' });
    } catch (error) {
      return invalidTokenReason(error);
    }
    return 'verified';
  };
  const sign = (claims: object, options: jsonwebtoken.SignOptions = {}, key = secret) =>
    jsonwebtoken.sign(claims, key, { issuer: 'accountability-local', audience: 'accountability', ...options });

  it.each([
    ['expired', sign({ exp: 1 }), 'expired'],
    ['not yet valid', sign({}, { notBefore: '1h' }), 'not yet valid'],
    ['another issuer', sign({}, { issuer: 'elsewhere' }), 'wrong issuer or audience'],
    ['another audience', sign({}, { audience: 'elsewhere' }), 'wrong issuer or audience'],
    ['another secret', sign({}, {}, 'y'.repeat(40)), 'bad signature'],
    ['another algorithm', sign({}, { algorithm: 'HS512' }), 'algorithm not accepted'],
    ['garbage', 'not.a.token', 'malformed'],
  ])('names %s without the expected values', (_case, token, reason) => {
    const sut = verify(token);
    expect(sut).toBe(reason);
    expect(sut).not.toMatch(/accountability/);
  });

  it('passes on its own reasons and knows nothing of other errors', () => {
    expect(invalidTokenReason(new InvalidTokenError("claim 'sub' must be"))).toBe("claim 'sub' must be");
    expect(invalidTokenReason(new TypeError('boom'))).toBeUndefined();
    expect(invalidTokenReason('boom')).toBeUndefined();
  });

  it.each([
    ['ERR_JWKS_NO_MATCHING_KEY', 'unknown signing key'],
    ['ERR_JOSE_NOT_SUPPORTED', 'algorithm not accepted'],
    ['ERR_JWT_INVALID', 'malformed'],
    ['ERR_JWKS_TIMEOUT', 'signing keys unavailable'],
  ])('maps jose %s', (code, reason) => {
    expect(invalidTokenReason(Object.assign(new Error('jose'), { code }))).toBe(reason);
  });
});
