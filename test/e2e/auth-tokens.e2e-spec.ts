import { spawnSync } from 'node:child_process';
import jsonwebtoken, { type SignOptions } from 'jsonwebtoken';
import request from 'supertest';
import { localDefaults } from '#config';
import { clockEnv, testNowSeconds } from '../support/clock.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';

/**
 * Hostile and sloppy tokens against a running service (council-reporting, the lightest):
 * each is a 401 in the one error body shape, naming a claim or a generic reason and never the
 * expected issuer or audience. Issue 7 found tokens without `exp` accepted and 500s from
 * oversized or NUL-bearing claims.
 */
describe('bearer tokens are validated like any input (council-reporting)', () => {
  let reporting: RunningService;
  const now = testNowSeconds;
  const claims = { sub: 'reporting-user', role: 'reporting', org: 'org-tokens' };
  const local = { issuer: localDefaults.JWT_ISSUER, audience: localDefaults.JWT_AUDIENCE };
  /** Signed with the local secret, issued now by the services' clock; without `expiresIn` and `exp`, the token has no expiry. */
  const signed = (payload: object, options: SignOptions = {}, secret = localDefaults.JWT_SECRET) =>
    jsonwebtoken.sign({ iat: now(), ...payload }, secret, { ...local, ...options });

  beforeAll(async () => {
    reporting = await startService('council-reporting', {}, '.stack/logs/e2e-council-reporting-auth.log');
  });

  afterAll(async () => {
    await reporting.stop();
  });

  it.each([
    ['a token of tokenFor', () => tokenFor('reporting')],
    ['the longest lifetime, 12 h', () => signed(claims, { expiresIn: 12 * 3600 })],
    ['an iat 30 s ahead, within the clock skew', () => signed({ ...claims, iat: now() + 30, exp: now() + 3600 })],
    ['a sub of 200 characters', () => signed({ ...claims, sub: 's'.repeat(200) }, { expiresIn: '5m' })],
  ])('accepts %s', async (_case, token) => {
    await request(reporting.url).get('/statistics').set('Authorization', `Bearer ${token()}`).expect(200);
  });

  it.each([
    ['no exp', () => signed(claims), "claim 'exp' is required"],
    ['a lifetime over 12 h', () => signed(claims, { expiresIn: 12 * 3600 + 60 }), 'lifetime exceeds 43200 seconds'],
    [
      'an iat in the future beyond the skew',
      () => signed({ ...claims, iat: now() + 600, exp: now() + 3600 }),
      "claim 'iat' lies in the future",
    ],
    ['a sub of 201 characters', () => signed({ ...claims, sub: 's'.repeat(201) }, { expiresIn: '5m' }), "claim 'sub'"],
    ['an org with NUL', () => signed({ ...claims, org: 'org\u0000a' }, { expiresIn: '5m' }), "claim 'org'"],
    ['a sub with a lone surrogate', () => signed({ ...claims, sub: 'user\ud800' }, { expiresIn: '5m' }), "claim 'sub'"],
    ['an empty org', () => signed({ ...claims, org: '' }, { expiresIn: '5m' }), "claim 'org'"],
    ['an unknown role', () => signed({ ...claims, role: 'root' }, { expiresIn: '5m' }), "claim 'role'"],
    ['a wrong issuer', () => signed(claims, { issuer: 'elsewhere', expiresIn: '5m' }), 'wrong issuer or audience'],
    ['a wrong audience', () => signed(claims, { audience: 'elsewhere', expiresIn: '5m' }), 'wrong issuer or audience'],
    ['an expired token', () => signed({ ...claims, iat: now() - 7200, exp: now() - 3600 }), 'expired'],
    ['a token not yet valid', () => signed(claims, { expiresIn: '2h', notBefore: '1h' }), 'not yet valid'],
    ['another secret', () => signed(claims, { expiresIn: '5m' }, 'x'.repeat(40)), 'bad signature'],
    ['no JWT at all', () => 'not-a-token', 'malformed'],
  ])('refuses %s with 401, naming a reason and not the expected issuer or audience', async (_case, token, reason) => {
    const response = await request(reporting.url).get('/statistics').set('Authorization', `Bearer ${token()}`).expect(401);
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      message: expect.stringContaining(`The bearer token is not valid: ${reason}`),
    });
    // The expected issuer 'accountability-local' and audience 'accountability' both contain this.
    expect(JSON.stringify(response.body)).not.toContain('accountability');
  });

  it('keeps `npm run token` minting tokens the services accept: 8 h by default, refused beyond the limit', async () => {
    const env = { ...process.env, ...clockEnv() };
    // The script sets development itself, as the README's command runs it; a shifted clock is for test mode only.
    if (env.CLOCK_START === undefined) delete env.NODE_ENV;
    const mint = (...args: string[]) => spawnSync('npm', ['run', '-s', 'token', '--', ...args], { env, encoding: 'utf8' });

    const minted = mint('--role', 'reporting', '--org', 'org-tokens');
    expect(minted.status).toBe(0);
    const token = minted.stdout.trim();
    const payload = jsonwebtoken.decode(token) as { iat: number; exp: number };
    expect(payload.exp - payload.iat).toBe(8 * 3600);
    await request(reporting.url).get('/statistics').set('Authorization', `Bearer ${token}`).expect(200);

    const tooLong = mint('--role', 'reporting', '--expires', '13h');
    expect(tooLong.status).toBe(2);
    expect(tooLong.stderr).toContain('lifetime exceeds 43200 seconds');
  });
});
