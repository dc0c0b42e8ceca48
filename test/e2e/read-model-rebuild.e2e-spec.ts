import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { eventually } from '../support/eventually.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';

const rebuildDatabase = 'accountability_test_rebuild';

/**
 * council-reporting's read model rebuilt from the topics from offset zero (a fresh database
 * and consumer group) equals the live one. Compared on 2026, the year every other test's
 * incidents fall in (the import tests remove their own, older incidents from the live model).
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

  it.each([{ year: '2026' }, { year: '2026', status: 'rejected' }, { year: '2026', status: 'verified' }, { countryCode: 'CF' }])(
    'gives the same statistics for %j',
    async (query) => {
      const statistics = async (service: RunningService) =>
        (await request(service.url).get('/statistics').query(query).set('Authorization', `Bearer ${reporting}`).expect(200)).body;
      await eventually(
        async () => {
          const [fromLive, fromReplay] = await Promise.all([statistics(live), statistics(rebuilt)]);
          expect(fromReplay).toEqual(fromLive);
          expect(fromLive.incidents).toBeGreaterThan(0);
        },
        { timeoutMs: 60000 },
      );
    },
  );
});
