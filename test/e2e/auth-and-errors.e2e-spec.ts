import { sign, type SignOptions } from 'jsonwebtoken';
import request from 'supertest';
import { localDefaults } from '#config';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { testNowSeconds } from '../support/clock.js';
import { openTestDataSource } from '../support/database.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';
import type { DataSource } from 'typeorm';

describe('authentication, roles and the error body (incident-intake)', () => {
  let intake: RunningService;
  let dataSource: DataSource;
  const officer = tokenFor('officer');
  const local = { issuer: localDefaults.JWT_ISSUER, audience: localDefaults.JWT_AUDIENCE };
  const signed = (claims: object, options: SignOptions = {}, secret = localDefaults.JWT_SECRET) =>
    sign({ iat: testNowSeconds(), ...claims }, secret, { ...local, expiresIn: '5m', ...options });

  async function incidentCount(): Promise<number> {
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM intake.incident');
    return count;
  }

  beforeAll(async () => {
    intake = await startService('incident-intake');
    dataSource = await openTestDataSource('intake');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await intake.stop();
  });

  it.each([
    ['no token', undefined, 'A bearer token is required'],
    [
      'a token signed with another secret',
      `Bearer ${signed({ sub: 's', role: 'officer', org: 'o' }, {}, 'x'.repeat(40))}`,
      'bad signature',
    ],
    ['an expired token', `Bearer ${sign({ sub: 's', role: 'officer', org: 'o', exp: 1 }, localDefaults.JWT_SECRET, local)}`, 'expired'],
    [
      'a token of another issuer',
      `Bearer ${signed({ sub: 's', role: 'officer', org: 'o' }, { issuer: 'elsewhere' })}`,
      'wrong issuer or audience',
    ],
    ['a token without organisation', `Bearer ${signed({ sub: 's', role: 'officer' })}`, "claim 'org'"],
    ['a token with an unknown role', `Bearer ${signed({ sub: 's', role: 'root', org: 'o' })}`, "claim 'role'"],
  ])('answers 401 to %s', async (_case, authorization, message) => {
    const call = request(intake.url).post('/incidents').send(reportIncidentBody());
    const response = await (authorization ? call.set('Authorization', authorization) : call).expect(401);
    expect(response.body).toEqual({ statusCode: 401, error: 'Unauthorized', message: expect.stringContaining(message) });
  });

  it.each(['reporting', 'partner'] as const)('answers 403 when a %s user reports an incident', async (role) => {
    const response = await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${tokenFor(role)}`)
      .send(reportIncidentBody())
      .expect(403);
    expect(response.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      message: `Role '${role}' may not do this; allowed: officer, admin`,
    });
  });

  it('serves health probes and the OpenAPI document without a token', async () => {
    await request(intake.url).get('/health/live').expect(200);
    const ready = await request(intake.url).get('/health/ready').expect(200);
    expect(ready.body.details).toMatchObject({ database: { status: 'up' }, kafka: { status: 'up' } });
    const openapi = await request(intake.url).get('/docs/openapi.json').expect(200);
    expect(Object.keys(openapi.body.paths)).toEqual(expect.arrayContaining(['/incidents', '/incidents/{id}']));
  });

  it('answers 400 naming every malformed field, and writes nothing', async () => {
    const before = await incidentCount();
    const response = await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send({
        ...reportIncidentBody({ countryCode: 'XX', personnel: [{ harm: 'eaten', status: 'national', count: -1 }] }),
        victimName: 'A. Person',
      })
      .expect(400);
    expect(response.body.statusCode).toBe(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field).sort()).toEqual(
      ['countryCode', 'personnel.0.count', 'personnel.0.harm', 'victimName'].sort(),
    );
    expect(JSON.stringify(response.body)).not.toContain('A. Person');
    expect(await incidentCount()).toBe(before);
  });

  it('answers 422 to a well-formed but impossible incident, and writes nothing', async () => {
    const before = await incidentCount();
    const response = await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(reportIncidentBody({ occurredOn: '2099-01-01' }))
      .expect(422);
    expect(response.body).toMatchObject({ statusCode: 422, error: 'Unprocessable Entity', details: [{ field: 'occurredOn' }] });
    expect(await incidentCount()).toBe(before);
  });

  it('answers 400 to a body that is not JSON and 413 to one that is too large', async () => {
    await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .set('Content-Type', 'application/json')
      .send('{oops')
      .expect(400);
    const large = await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send({ ...reportIncidentBody(), padding: 'x'.repeat(300 * 1024) })
      .expect(413);
    expect(large.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: expect.any(String) });
  });

  it('answers 404 in the same shape for an unknown incident, and 400 for a malformed id', async () => {
    const missing = await request(intake.url)
      .get('/incidents/01a226d8-0418-731e-a930-cef436a2f0ab')
      .set('Authorization', `Bearer ${officer}`)
      .expect(404);
    expect(missing.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'No incident with id 01a226d8-0418-731e-a930-cef436a2f0ab',
    });
    await request(intake.url).get('/incidents/not-a-uuid').set('Authorization', `Bearer ${officer}`).expect(400);
  });
});
