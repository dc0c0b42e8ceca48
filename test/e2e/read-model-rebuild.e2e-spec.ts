import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { eventually } from '../support/eventually.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';

const rebuildDatabase = 'accountability_test_rebuild';

/**
 * council-reporting's read models rebuilt from the topics from offset zero (a fresh database
 * and consumer group) equal the live ones. Compared on this test's incidents only, in the
 * Central African Republic where no other test reports one, so the comparison holds whatever
 * ran before it; the concerned State filter keeps other tests' cases out of the accountability
 * figures too.
 */
describe('council-reporting read model rebuilt from the topics', () => {
  let intake: RunningService;
  let live: RunningService;
  let rebuilt: RunningService;
  const reporting = tokenFor('reporting');
  const officer = tokenFor('officer');

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL!.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${rebuildDatabase} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${rebuildDatabase}`);
    await admin.end();
    const rebuildUrl = process.env.DATABASE_URL!.replace(/\/[^/]+$/, `/${rebuildDatabase}`);
    execFileSync(process.execPath, ['dist/migrations/run.js', 'up'], {
      env: { ...process.env, DATABASE_URL: rebuildUrl },
      stdio: 'ignore',
    });

    [intake, live] = await Promise.all([startService('incident-intake'), startService('council-reporting')]);
    // Changes of every kind, so the replay has amendments, verifications and rejections to fold.
    const created = await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(reportIncidentBody({ countryCode: 'CF' }))
      .expect(201);
    await request(intake.url)
      .patch(`/incidents/${created.body.id}`)
      .set('Authorization', `Bearer ${officer}`)
      .set('If-Match', created.headers.etag)
      .send({ personnel: [{ harm: 'wounded', status: 'international', count: 7 }], reason: 'rebuild test' })
      .expect(200);
    await request(intake.url).post(`/incidents/${created.body.id}/verify`).set('Authorization', `Bearer ${officer}`).expect(200);
    const other = await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(reportIncidentBody({ countryCode: 'CF' }))
      .expect(201);
    await request(intake.url)
      .post(`/incidents/${other.body.id}/reject`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ reason: 'not_credible', explanation: 'Unverifiable' })
      .expect(200);

    rebuilt = await startService(
      'council-reporting',
      { DATABASE_URL: rebuildUrl, KAFKA_CONSUMER_GROUP: `council-reporting-rebuild-${randomUUID()}` },
      '.stack/logs/e2e-council-reporting-rebuild.log',
    );
  });

  afterAll(async () => {
    await Promise.all([intake, live, rebuilt].map((service) => service?.stop()));
  });

  const ownIncidents = { country: 'CF', concernedState: 'CF' };

  // This test's incidents: one amended to 7 wounded international staff and verified, one rejected (6 people).
  it.each([
    [
      { ...ownIncidents, groupBy: 'year,country' },
      { incidents: 1, people: 7 },
    ],
    [
      { ...ownIncidents, year: '2026', groupBy: 'harm,personnel' },
      { incidents: 1, people: 7 },
    ],
    [
      { ...ownIncidents, status: 'verified', groupBy: 'harm,personnel' },
      { incidents: 1, people: 7 },
    ],
    [
      { ...ownIncidents, status: 'rejected', groupBy: 'year,country' },
      { incidents: 1, people: 6 },
    ],
    [
      { ...ownIncidents, includeRejected: 'true', groupBy: 'means,premises' },
      { incidents: 2, people: 13 },
    ],
  ])('gives the same statistics for %j', async (query, totals) => {
    const statistics = async (service: RunningService) =>
      (await request(service.url).get('/statistics').query(query).set('Authorization', `Bearer ${reporting}`).expect(200)).body;
    await eventually(
      async () => {
        const [fromLive, fromReplay] = await Promise.all([statistics(live), statistics(rebuilt)]);
        expect(fromLive.totals).toMatchObject(totals);
        expect(fromReplay).toEqual(fromLive);
      },
      { timeoutMs: 60000 },
    );
  });
});
