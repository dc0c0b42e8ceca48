import { generateKeyPairSync } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import jsonwebtoken from 'jsonwebtoken';
import request from 'supertest';
import { testNowSeconds } from '../support/clock.js';
import { startService, type RunningService } from '../support/services.js';

/** An identity provider as production has one: RS256 keys published on a JWKS endpoint. */
describe('tokens verified against an identity provider’s JWKS (RS256)', () => {
  const issuer = 'https://idp.example.test';
  const audience = 'accountability';
  const current = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let jwks: Server;
  let intake: RunningService;

  const token = (privateKey = current.privateKey, kid = 'key-2026', claims: object = { sub: 'officer-x', role: 'officer', org: 'org-x' }) =>
    jsonwebtoken.sign({ iat: testNowSeconds(), ...claims }, privateKey, {
      algorithm: 'RS256',
      keyid: kid,
      issuer,
      audience,
      expiresIn: '5m',
    });

  beforeAll(async () => {
    const body = JSON.stringify({ keys: [{ ...current.publicKey.export({ format: 'jwk' }), kid: 'key-2026', use: 'sig', alg: 'RS256' }] });
    jwks = createServer((_request, response) => response.writeHead(200, { 'Content-Type': 'application/json' }).end(body));
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as { port: number };
    intake = await startService(
      'incident-intake',
      {
        JWT_ALGORITHM: 'RS256',
        JWT_JWKS_URI: `http://127.0.0.1:${port}/.well-known/jwks.json`,
        JWT_ISSUER: issuer,
        JWT_AUDIENCE: audience,
      },
      '.stack/logs/e2e-incident-intake-jwks.log',
    );
  });

  afterAll(async () => {
    await intake.stop();
    await new Promise((resolve) => jwks.close(resolve));
  });

  it('accepts a token signed with the published key', async () => {
    await request(intake.url).get('/incidents').set('Authorization', `Bearer ${token()}`).expect(200);
  });

  it.each([
    ['signed with another key under the published kid', () => token(stranger.privateKey), 'bad signature'],
    ['naming a key the provider does not publish', () => token(current.privateKey, 'key-1999'), 'unknown signing key'],
    [
      'signed with HS256 and a guessed secret',
      () => jsonwebtoken.sign({ sub: 's', role: 'admin', org: 'o' }, 'x'.repeat(40), { keyid: 'key-2026', issuer, audience }),
      'algorithm not accepted',
    ],
    [
      'for another audience',
      () =>
        jsonwebtoken.sign({ sub: 's', role: 'officer', org: 'o', iat: testNowSeconds() }, current.privateKey, {
          algorithm: 'RS256',
          keyid: 'key-2026',
          issuer,
          audience: 'elsewhere',
          expiresIn: '5m',
        }),
      'wrong issuer or audience',
    ],
  ])('refuses a token %s with 401', async (_case, make, message) => {
    const response = await request(intake.url).get('/incidents').set('Authorization', `Bearer ${make()}`).expect(401);
    expect(response.body.message).toContain(message);
    expect(JSON.stringify(response.body)).not.toContain(issuer);
  });
});
