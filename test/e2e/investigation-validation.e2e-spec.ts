import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { encodeCursor } from '#database';
import type { DataSource } from 'typeorm';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { testNow } from '../support/clock.js';
import { openTestDataSource } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';

const ORG = 'org-validation';
const SURVIVOR = 'Halima Okonkwo-Zeray';

describe('investigation-tracking refuses bad input with a clear 4xx and writes nothing', () => {
  let intake: RunningService;
  let investigation: RunningService;
  let dataSource: DataSource;
  let caseId: string;
  let incidentId: string;
  const officer = tokenFor('officer', ORG, 'officer-vera');
  const outsider = tokenFor('officer', 'org-other', 'officer-otto');

  beforeAll(async () => {
    intake = await startService('incident-intake');
    investigation = await startService('investigation-tracking', { INCIDENT_INTAKE_URL: intake.url });
    dataSource = await openTestDataSource('investigation');
    // Only wounded: the opening policy leaves it to the officer.
    const reported = await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(reportIncidentBody({ countryCode: 'SO', personnel: [{ harm: 'wounded', status: 'national', count: 2 }], assets: [] }))
      .expect(201);
    incidentId = reported.body.id;
    caseId = await eventually(async () => {
      const opened = await request(investigation.url)
        .post('/cases')
        .set('Authorization', `Bearer ${officer}`)
        .send({ incidentIds: [incidentId] });
      expect(opened.status).toBe(201);
      return opened.body.id as string;
    });
  });

  afterAll(async () => {
    await dataSource.destroy();
    await Promise.all([intake.stop(), investigation.stop()]);
  });

  const unknown = randomUUID();
  const c = () => `/cases/${caseId}`;

  /** [what, method, path, body, status, the field the details must name (if any)] */
  const refusals: [string, 'post' | 'put' | 'patch', () => string, object | (() => object), number, string?][] = [
    ['a case without incidents', 'post', () => '/cases', { incidentIds: [] }, 400, 'incidentIds'],
    ['a case for an incident id that is not a UUID', 'post', () => '/cases', { incidentIds: ['INC-1'] }, 400, 'incidentIds'],
    ['a case with an unknown field', 'post', () => '/cases', { incidentIds: [unknown], owner: 'me' }, 400, 'owner'],
    ['a case for an unknown incident', 'post', () => '/cases', { incidentIds: [unknown] }, 404],
    ['a case for an incident already in one', 'post', () => '/cases', () => ({ incidentIds: [incidentId] }), 409],
    ['a link without kind or reason', 'post', () => `${c()}/incidents`, { incidentId: unknown }, 400, 'kind'],
    [
      'a link of an unknown incident',
      'post',
      () => `${c()}/incidents`,
      { incidentId: unknown, kind: 'related', reason: 'Same convoy' },
      404,
    ],
    ['an unlink of an incident not in the case', 'post', () => `${c()}/incidents/${unknown}/unlink`, { reason: 'Wrong case' }, 404],
    [
      'a concerned State in lower case',
      'post',
      () => `${c()}/concerned-states`,
      { concernedStateCode: 'so', basis: 'other', reason: 'Why not' },
      400,
      'concernedStateCode',
    ],
    [
      'a concerned State already there',
      'post',
      () => `${c()}/concerned-states`,
      { concernedStateCode: 'SO', basis: 'other', reason: 'Twice' },
      409,
    ],
    [
      'a policy of zero days',
      'put',
      () => `${c()}/reporting-policy`,
      { acknowledgementDays: 0, firstReportDays: 90, reportIntervalDays: 180, reason: 'Faster' },
      400,
      'acknowledgementDays',
    ],
    [
      'a request for a State code that is not one',
      'post',
      () => `${c()}/concerned-states/somalia/request`,
      { requestedOn: '2025-01-01', channel: 'letter', addresseeAuthority: 'Ministry' },
      400,
      'stateCode',
    ],
    [
      'a request for a State not concerned',
      'post',
      () => `${c()}/concerned-states/KE/request`,
      { requestedOn: '2025-01-01', channel: 'letter', addresseeAuthority: 'Ministry' },
      404,
    ],
    [
      'a request on 30 February by fax',
      'post',
      () => `${c()}/concerned-states/SO/request`,
      { requestedOn: '2025-02-30', channel: 'fax', addresseeAuthority: 'Ministry' },
      400,
      'requestedOn',
    ],
    [
      'a request dated next year',
      'post',
      () => `${c()}/concerned-states/SO/request`,
      { requestedOn: `${testNow().getUTCFullYear() + 1}-01-01`, channel: 'letter', addresseeAuthority: 'Ministry' },
      422,
      'requestedOn',
    ],
    [
      'an acknowledgement before any request',
      'post',
      () => `${c()}/concerned-states/SO/acknowledgement`,
      { receivedOn: '2025-01-01' },
      409,
      'allowedTransitions',
    ],
    [
      'a progress report with minus one suspect',
      'post',
      () => `${c()}/concerned-states/SO/progress-reports`,
      {
        receivedOn: '2025-01-01',
        investigatingAuthority: 'Police',
        investigationStatus: 'active',
        suspectsIdentified: -1,
        preventionMeasuresReported: false,
        familiesInformed: false,
      },
      400,
      'suspectsIdentified',
    ],
    [
      'an assessment of five standards',
      'post',
      () => `${c()}/concerned-states/SO/assessments`,
      { assessedOn: '2025-01-01', judicialSystem: 'functioning', ratings: [] },
      400,
      'ratings',
    ],
    [
      'a determination without justification',
      'post',
      () => `${c()}/concerned-states/SO/determination`,
      { finding: 'unwilling', grounds: ['shielding'], justification: 'short' },
      400,
      'justification',
    ],
    [
      'a determination before any request',
      'post',
      () => `${c()}/concerned-states/SO/determination`,
      { finding: 'unwilling', grounds: ['shielding'], justification: 'A justification long enough to be read' },
      409,
      'allowedTransitions',
    ],
    [
      'an approval with nothing to approve',
      'post',
      () => `${c()}/concerned-states/SO/determination/approval`,
      {},
      409,
      'allowedTransitions',
    ],
    [
      'a referral before a determination',
      'post',
      () => `${c()}/concerned-states/SO/referrals`,
      { mechanism: 'international_criminal_court', referredOn: '2025-01-01' },
      409,
      'allowedTransitions',
    ],
    [
      'a referral to a mechanism that does not exist',
      'post',
      () => `${c()}/concerned-states/SO/referrals`,
      { mechanism: 'the_press', referredOn: '2025-01-01' },
      400,
      'mechanism',
    ],
    [
      'a status of an unknown referral',
      'post',
      () => `${c()}/referrals/${unknown}/status`,
      { status: 'acknowledged', on: '2025-01-01' },
      404,
    ],
    [
      'a prosecution with a verdict before judgment',
      'post',
      () => `${c()}/prosecutions`,
      {
        concernedStateCode: 'SO',
        court: 'High Court',
        accusedCount: 1,
        charges: ['murder'],
        trialStatus: 'at_trial',
        verdict: 'convicted',
        appeal: 'none',
        statusOn: '2025-01-01',
      },
      422,
      'verdict',
    ],
    [
      'a prosecution with no charges',
      'post',
      () => `${c()}/prosecutions`,
      {
        concernedStateCode: 'SO',
        court: 'High Court',
        accusedCount: 1,
        charges: [],
        trialStatus: 'pre_trial',
        appeal: 'none',
        statusOn: '2025-01-01',
      },
      400,
      'charges',
    ],
    [
      'an update of an unknown prosecution',
      'patch',
      () => `${c()}/prosecutions/${unknown}`,
      { trialStatus: 'final', statusOn: '2025-01-01' },
      404,
    ],
    [
      'capacity support ending before it starts',
      'post',
      () => `${c()}/capacity-support`,
      { kind: 'technical_assistance', provider: 'UNODC', startOn: '2025-02-01', endOn: '2025-01-01', status: 'completed' },
      422,
      'endOn',
    ],
    ['an update of unknown capacity support', 'patch', () => `${c()}/capacity-support/${unknown}`, { status: 'completed' }, 404],
    [
      'survivor support of an unknown kind',
      'put',
      () => `${c()}/survivor-support/housing`,
      { personsSupported: 1, status: 'ongoing' },
      400,
    ],
    [
      'survivor support for minus one person',
      'put',
      () => `${c()}/survivor-support/legal_aid`,
      { personsSupported: -1, status: 'ongoing' },
      400,
      'personsSupported',
    ],
    [
      'evidence whose hash is not a SHA-256',
      'post',
      () => `${c()}/evidence`,
      { category: 'photo', sha256: 'abc', receivedFrom: 'OCHA', receivedOn: '2025-01-01', holder: 'Unit' },
      400,
      'sha256',
    ],
    [
      'a transfer of unknown evidence',
      'post',
      () => `${c()}/evidence/${unknown}/transfers`,
      { to: 'Court', on: '2025-01-01', reason: 'For trial' },
      404,
    ],
    ['a check of unknown evidence', 'post', () => `${c()}/evidence/${unknown}/checks`, { sha256: 'c'.repeat(64) }, 404],
    ['a check with a hash in capitals', 'post', () => `${c()}/evidence/${unknown}/checks`, { sha256: 'C'.repeat(64) }, 400, 'sha256'],
    ['a closure with an unknown outcome', 'post', () => `${c()}/close`, { outcome: 'solved', reason: 'Done' }, 400, 'outcome'],
    ['reopening an open case', 'post', () => `${c()}/reopen`, { reason: 'Again' }, 409, 'allowedTransitions'],
  ];

  // Rows as objects: a row shorter than the callback's parameters would make Jest pass `done`.
  const rows = refusals.map(([what, method, path, body, status, field]) => ({ what, method, path, body, status, field }));

  it.each(rows)('refuses $what', async ({ method, path, body, status, field }) => {
    const before = await request(investigation.url).get(c()).set('Authorization', `Bearer ${officer}`).expect(200);
    const etag = before.headers.etag;
    const service = request(investigation.url);
    const response = await service[method](path())
      .set('Authorization', `Bearer ${officer}`)
      .set('If-Match', etag)
      .send(typeof body === 'function' ? body() : body);

    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
    if (field) expect(response.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
    const after = await request(investigation.url).get(c()).set('Authorization', `Bearer ${officer}`).expect(200);
    // Unchanged, compared with what it was: another test of this file may have changed the case before.
    expect(after.headers.etag).toBe(etag);
    expect(after.body.timeline).toHaveLength(before.body.timeline.length);
  });

  it.each([
    ['no If-Match', undefined, 428],
    ['a stale If-Match', 'W/"7"', 412],
    ['an If-Match this API never returned', 'yesterday', 400],
  ])('refuses a change with %s', async (_what, ifMatch, status) => {
    const call = request(investigation.url).post(`${c()}/concerned-states/SO/acknowledgement`).set('Authorization', `Bearer ${officer}`);
    const response = await (ifMatch ? call.set('If-Match', ifMatch) : call).send({ receivedOn: '2025-01-01' });
    expect(response.status).toBe(status);
  });

  it.each([
    [{ stage: 'finished' }, 'stage'],
    [{ overdue: 'maybe' }, 'overdue'],
    [{ openedFrom: '2025-13-01' }, 'openedFrom'],
    [{ concernedStateCode: 'XX' }, 'concernedStateCode'],
    [{ limit: 1000 }, 'limit'],
    [{ cursor: '!!' }, 'cursor'],
    [{ cursor: encodeCursor('', 'not-a-uuid') }, 'cursor'],
  ])('refuses the list filter %j', async (query, field) => {
    const response = await request(investigation.url).get('/cases').query(query).set('Authorization', `Bearer ${officer}`).expect(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toEqual([field]);
  });

  it('answers 400 for an id that is not a UUID, 404 for an unknown one, 403 for a partner', async () => {
    await request(investigation.url).get('/cases/CASE-1').set('Authorization', `Bearer ${officer}`).expect(400);
    await request(investigation.url).get(`/cases/${unknown}`).set('Authorization', `Bearer ${officer}`).expect(404);
    await request(investigation.url)
      .get('/cases')
      .set('Authorization', `Bearer ${tokenFor('partner', ORG)}`)
      .expect(403);
  });

  it('keeps survivors’ identities encrypted, inside the owning organisation, and out of the case and its events', async () => {
    const body = { survivors: [{ name: SURVIVOR, supportKinds: ['legal_aid', 'psychosocial_support'] }], accused: [] };
    await request(investigation.url)
      .put(`${c()}/protected-data`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ survivors: [{}] })
      .expect(400);
    await request(investigation.url).put(`${c()}/protected-data`).set('Authorization', `Bearer ${outsider}`).send(body).expect(403);
    await request(investigation.url).put(`${c()}/protected-data`).set('Authorization', `Bearer ${officer}`).send(body).expect(204);

    const read = await request(investigation.url).get(`${c()}/protected-data`).set('Authorization', `Bearer ${officer}`).expect(200);
    expect(read.body.survivors[0].name).toBe(SURVIVOR);
    await request(investigation.url).get(`${c()}/protected-data`).set('Authorization', `Bearer ${outsider}`).expect(403);
    await request(investigation.url)
      .get(`${c()}/protected-data`)
      .set('Authorization', `Bearer ${tokenFor('reporting', ORG)}`)
      .expect(403);

    const etag = (await request(investigation.url).get(c()).set('Authorization', `Bearer ${officer}`).expect(200)).headers.etag;
    const counted = await request(investigation.url)
      .put(`${c()}/survivor-support/legal_aid`)
      .set('Authorization', `Bearer ${officer}`)
      .set('If-Match', etag)
      .send({ personsSupported: 1, status: 'ongoing' })
      .expect(200);
    expect(JSON.stringify(counted.body)).not.toContain(SURVIVOR);
    const [stored] = await dataSource.query('SELECT ciphertext FROM investigation.case_protected_data WHERE case_id = $1', [caseId]);
    expect(stored.ciphertext.toString('utf8')).not.toContain('Halima');
    const [{ leaks }] = await dataSource.query(
      `SELECT count(*)::int AS leaks FROM investigation.outbox WHERE payload::text LIKE '%Halima%' OR headers::text LIKE '%Halima%'`,
    );
    expect(leaks).toBe(0);

    // Every read and write of the identities, and every refusal, is in the audit trail.
    const audit: { action: string; outcome: string; actor_subject: string }[] = await dataSource.query(
      `SELECT action, outcome, actor_subject FROM investigation.audit_entry
       WHERE record_id = $1 AND action LIKE 'protected_data.%' ORDER BY sequence`,
      [caseId],
    );
    expect(audit).toEqual([
      { action: 'protected_data.written', outcome: 'refused', actor_subject: 'officer-otto' },
      { action: 'protected_data.written', outcome: 'done', actor_subject: 'officer-vera' },
      { action: 'protected_data.read', outcome: 'done', actor_subject: 'officer-vera' },
      { action: 'protected_data.read', outcome: 'refused', actor_subject: 'officer-otto' },
    ]);
    // Admins read it over HTTP, filtered; nobody else does.
    const admin = tokenFor('admin', 'org-admin');
    const reads = await request(investigation.url)
      .get('/audit')
      .query({ recordId: caseId, action: 'protected_data.read' })
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(reads.body.items.map((entry: { outcome: string; actor: { subject: string } }) => [entry.outcome, entry.actor.subject])).toEqual([
      ['done', 'officer-vera'],
      ['refused', 'officer-otto'],
    ]);
    expect(reads.body.items[1].hash).toMatch(/^[0-9a-f]{64}$/);
    await request(investigation.url).get('/audit').set('Authorization', `Bearer ${officer}`).expect(403);
    await request(investigation.url).get('/audit').query({ after: -1 }).set('Authorization', `Bearer ${admin}`).expect(400);
  });
});
