import request from 'supertest';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';

interface Candidate {
  incidentId: string;
  reference: string;
  score: number;
  reasons: { criterion: string; points: number; explanation: string }[];
}

// A country no other test uses, so every incident compared below is one this test made.
const GAMBIA = { countryCode: 'GM' };
const place = { adminLevel1: 'West Coast', adminLevel2: 'Kombo North' };

describe('duplicate candidates over HTTP (real PostgreSQL)', () => {
  let intake: RunningService;
  const officer = tokenFor('officer', 'org-alpha', 'officer-alpha');
  const otherOfficer = tokenFor('officer', 'org-beta', 'officer-beta');
  const reporting = tokenFor('reporting', 'org-alpha');
  const ids = {} as Record<'subject' | 'nearIdentical' | 'yearPrecise' | 'monthPrecise' | 'farAway' | 'rejected' | 'confidential', string>;

  const report = async (body: object, token = officer): Promise<string> =>
    (await request(intake.url).post('/incidents').set('Authorization', `Bearer ${token}`).send(body).expect(201)).body.id;
  const candidates = (id: string, token = officer, query: Record<string, unknown> = {}) =>
    request(intake.url).get(`/incidents/${id}/duplicate-candidates`).query(query).set('Authorization', `Bearer ${token}`);
  const candidateIds = async (id: string, token = officer) =>
    ((await candidates(id, token).expect(200)).body.items as Candidate[]).map((item) => item.incidentId);

  beforeAll(async () => {
    intake = await startService('incident-intake');
    ids.subject = await report(reportIncidentBody({ ...GAMBIA, ...place, occurredOn: '2025-05-10' }));
    // The same attack as another organisation saw it: a day later, the admin area typed differently.
    ids.nearIdentical = await report(
      reportIncidentBody({ ...GAMBIA, adminLevel1: ' west coast', adminLevel2: 'KOMBO NORTH', occurredOn: '2025-05-11' }),
      otherOfficer,
    );
    // Its first day lies months before the subject; its interval still covers it.
    ids.yearPrecise = await report(reportIncidentBody({ ...GAMBIA, occurredOn: '2025', occurredOnPrecision: 'year' }));
    ids.monthPrecise = await report(
      reportIncidentBody({
        ...GAMBIA,
        occurredOn: '2025-05',
        occurredOnPrecision: 'month',
        meansOfAttack: 'shelling',
        personnel: [{ harm: 'killed', status: 'national', count: 2 }],
      }),
    );
    ids.farAway = await report(reportIncidentBody({ ...GAMBIA, ...place, occurredOn: '2025-08-20' }));
    ids.rejected = await report(reportIncidentBody({ ...GAMBIA, ...place, occurredOn: '2025-05-09' }));
    await request(intake.url)
      .post(`/incidents/${ids.rejected}/reject`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ reason: 'not_credible', explanation: 'Source withdrew the report' })
      .expect(200);
    ids.confidential = await report(
      reportIncidentBody({ ...GAMBIA, occurredOn: '2025-05-12', confidentiality: 'confidential' }),
      otherOfficer,
    );
  });

  afterAll(async () => {
    await intake.stop();
  });

  it('puts the near-identical report first, with its score explained', async () => {
    const response = await candidates(ids.subject, reporting).expect(200);
    const items: Candidate[] = response.body.items;
    expect(items[0]).toMatchObject({
      incidentId: ids.nearIdentical,
      countryCode: 'GM',
      occurredOn: '2025-05-11',
      occurredOnPrecision: 'day',
      status: 'reported',
      reference: expect.stringMatching(/^INC-\d{4}-\d{6}$/),
    });
    expect(items[0].score).toBeGreaterThanOrEqual(0.9);
    expect(items[0].reasons).toEqual([
      { criterion: 'date', points: 0.3, explanation: '1 day apart' },
      { criterion: 'place', points: 0.25, explanation: expect.stringContaining('same admin level 1') },
      { criterion: 'means_of_attack', points: 0.15, explanation: 'both shooting' },
      { criterion: 'harm', points: 0.25, explanation: 'killed 2 vs 2, wounded 1 vs 1, kidnapped 3 vs 3' },
    ]);
    expect(items.map((item) => item.incidentId)).toEqual([ids.nearIdentical, ids.yearPrecise, ids.monthPrecise]);
    const scores = items.map((item) => item.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const item of items)
      expect(item.score).toBeCloseTo(
        item.reasons.reduce((total, reason) => total + reason.points, 0),
        2,
      );
  });

  it('leaves out the subject, far-away dates and rejected incidents', async () => {
    const found = await candidateIds(ids.subject);
    expect(found).not.toContain(ids.subject);
    expect(found).not.toContain(ids.farAway);
    expect(found).not.toContain(ids.rejected);
  });

  it('shows a confidential incident only inside the organisation that reported it', async () => {
    expect(await candidateIds(ids.subject, officer)).not.toContain(ids.confidential);
    expect(await candidateIds(ids.subject, otherOfficer)).toContain(ids.confidential);
    await candidates(ids.confidential, officer).expect(404);
  });

  it('returns at most limit candidates', async () => {
    const response = await candidates(ids.subject, officer, { limit: 1 }).expect(200);
    expect(response.body.items.map((item: Candidate) => item.incidentId)).toEqual([ids.nearIdentical]);
  });

  it('answers an unknown incident with 404 and a malformed id with 400', async () => {
    const unknown = await candidates('01a226d8-0000-7000-8000-00000000beef').expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    await candidates('not-a-uuid').expect(400);
  });

  it.each([[0], [101], ['many']])('refuses limit=%p naming limit', async (limit) => {
    const response = await candidates(ids.subject, officer, { limit }).expect(400);
    expect(response.body.details.map((detail: { field: string }) => detail.field)).toEqual(['limit']);
  });

  it('is closed to partners', async () => {
    await candidates(ids.subject, tokenFor('partner')).expect(403);
  });
});
