import request from 'supertest';
import { Topics } from '#contracts';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { eventually } from '../support/eventually.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';
import { TopicReader } from '../support/topic-reader.js';

describe('the thin chain: incident → case → Council figure, over HTTP and Kafka', () => {
  let intake: RunningService;
  let investigation: RunningService;
  let reporting: RunningService;
  let reader: TopicReader;
  const officer = tokenFor('officer', 'org-chain', 'officer-jane');
  const reportingStaff = tokenFor('reporting');

  beforeAll(async () => {
    [intake, investigation, reporting] = await Promise.all([
      startService('incident-intake'),
      startService('investigation-tracking'),
      startService('council-reporting'),
    ]);
    reader = await TopicReader.open(Topics.incidents, Topics.cases);
  });

  afterAll(async () => {
    await reader.close();
    await Promise.all([intake, investigation, reporting].map((service) => service.stop()));
  });

  /** Reports an incident and verifies it: a verified incident with people killed opens a case by the default policy. */
  async function reportAndVerify(body: object, correlationId?: string) {
    const reported = await request(intake.url).post('/incidents').set('Authorization', `Bearer ${officer}`).send(body).expect(201);
    const verify = request(intake.url).post(`/incidents/${reported.body.id}/verify`).set('Authorization', `Bearer ${officer}`);
    await (correlationId ? verify.set('X-Correlation-Id', correlationId) : verify).expect(200);
    return reported;
  }

  it('opens a case for a verified incident and counts it in the statistics', async () => {
    const reported = await reportAndVerify(reportIncidentBody({ countryCode: 'NE', occurredOn: '2025-02', occurredOnPrecision: 'month' }));
    expect(reported.body.reference).toMatch(/^INC-\d{4}-\d{6}$/);
    expect(reported.body.concernedStateCode).toBe('NE');

    const [opened] = await eventually(async () => {
      const cases = await request(investigation.url)
        .get('/cases')
        .query({ incidentId: reported.body.id })
        .set('Authorization', `Bearer ${reportingStaff}`)
        .expect(200);
      expect(cases.body.items).toHaveLength(1);
      expect(cases.body.nextCursor).toBeNull();
      return cases.body.items;
    });
    expect(opened).toMatchObject({
      incidentId: reported.body.id,
      incidentReference: reported.body.reference,
      concernedStateCodes: ['NE'],
      stage: 'opened',
      openedBecause: 'opening_policy',
    });
    expect(opened.reference).toMatch(/^CASE-\d{4}-\d{6}$/);

    const statistics = await eventually(async () => {
      const response = await request(reporting.url)
        .get('/statistics')
        .query({ concernedState: 'NE', groupBy: 'harm,personnel' })
        .set('Authorization', `Bearer ${reportingStaff}`)
        .expect(200);
      expect(response.body.accountability.byState).toEqual([expect.objectContaining({ stateCode: 'NE', cases: 1 })]);
      return response.body;
    });
    expect(statistics.totals).toEqual({ incidents: 1, countries: 1, people: 6 });
    expect(statistics.rows.map(({ group, people }: { group: object; people: number }) => ({ ...group, people }))).toEqual([
      { harm: 'kidnapped', personnel: 'national', people: 3 },
      { harm: 'killed', personnel: 'national', people: 2 },
      { harm: 'wounded', personnel: 'international', people: 1 },
    ]);
    const byYear = await request(reporting.url)
      .get('/statistics')
      .query({ concernedState: 'NE', groupBy: 'year' })
      .set('Authorization', `Bearer ${reportingStaff}`)
      .expect(200);
    expect(byYear.body.rows).toEqual([expect.objectContaining({ group: { year: '2025' }, incidents: 1, countries: 1 })]);
  });

  it('follows amendments in the figures and drops a rejected incident from them', async () => {
    const statisticsFor = async (query: Record<string, string>) =>
      (await request(reporting.url).get('/statistics').query(query).set('Authorization', `Bearer ${reportingStaff}`).expect(200)).body;
    const reported = await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(reportIncidentBody({ countryCode: 'TD' }))
      .expect(201);
    const killedNationals = async (query: Record<string, string> = {}) =>
      (await statisticsFor({ country: 'TD', harm: 'killed', personnel: 'national', ...query })).totals.people;
    await eventually(async () => expect(await killedNationals()).toBe(2));

    await request(intake.url)
      .patch(`/incidents/${reported.body.id}`)
      .set('Authorization', `Bearer ${officer}`)
      .set('If-Match', reported.headers.etag)
      .send({ personnel: [{ harm: 'killed', status: 'national', count: 4 }], reason: 'Two more deaths confirmed by the hospital' })
      .expect(200);
    await eventually(async () => expect((await statisticsFor({ country: 'TD' })).totals.people).toBe(4));
    expect(await killedNationals()).toBe(4);

    await request(intake.url)
      .post(`/incidents/${reported.body.id}/reject`)
      .set('Authorization', `Bearer ${officer}`)
      .send({ reason: 'not_credible', explanation: 'The hospital retracted its report' })
      .expect(200);
    await eventually(async () => expect((await statisticsFor({ country: 'TD' })).totals.incidents).toBe(0));
    expect((await statisticsFor({ country: 'TD', status: 'rejected' })).totals).toMatchObject({ incidents: 1, people: 4 });
    expect((await statisticsFor({ country: 'TD', includeRejected: 'true' })).totals).toMatchObject({ incidents: 1, people: 4 });
  });

  it('counts a confidential incident only inside its organisation and for admins, never for partners', async () => {
    await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(reportIncidentBody({ countryCode: 'ST', confidentiality: 'confidential' }))
      .expect(201);
    const incidentsSeenBy = async (token: string) =>
      (await request(reporting.url).get('/statistics').query({ country: 'ST' }).set('Authorization', `Bearer ${token}`).expect(200)).body
        .totals.incidents;
    await eventually(async () => expect(await incidentsSeenBy(tokenFor('admin', 'org-admin'))).toBe(1));
    expect(await incidentsSeenBy(tokenFor('reporting', 'org-chain'))).toBe(1);
    expect(await incidentsSeenBy(reportingStaff)).toBe(0);
    expect(await incidentsSeenBy(tokenFor('officer', 'org-elsewhere'))).toBe(0);
    expect(await incidentsSeenBy(tokenFor('partner', 'org-chain'))).toBe(0);
  });

  it('pages through cases with a cursor, oldest first', async () => {
    await reportAndVerify(reportIncidentBody({ countryCode: 'GN' }));
    await reportAndVerify(reportIncidentBody({ countryCode: 'GN' }));
    await eventually(async () => {
      const all = await request(investigation.url)
        .get('/cases')
        .query({ countryCode: 'GN' })
        .set('Authorization', `Bearer ${reportingStaff}`);
      expect(all.body.items).toHaveLength(2);
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await request(investigation.url)
        .get('/cases')
        .query({ limit: 1, countryCode: 'GN', ...(cursor ? { cursor } : {}) })
        .set('Authorization', `Bearer ${reportingStaff}`)
        .expect(200);
      seen.push(...page.body.items.map((item: { id: string }) => item.id));
      cursor = page.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(2);
    expect(seen).toEqual([...seen].sort());
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('publishes both events keyed by aggregate id, with the verifying request correlation id along the chain and no reporter identity', async () => {
    const reported = await reportAndVerify(reportIncidentBody({ countryCode: 'ML' }), 'chain-correlation-1');

    const [incidentEvent, caseEvent] = await eventually(async () => {
      const incidentMessage = reader.messages.find((message) => message.key === reported.body.id);
      const caseMessage = reader.messages.find(
        (message) => message.topic === Topics.cases && JSON.parse(message.value!).incidentId === reported.body.id,
      );
      expect(incidentMessage && caseMessage).toBeDefined();
      return [incidentMessage!, caseMessage!];
    });
    expect(incidentEvent.headers).toMatchObject({ ce_type: 'accountability.incident.reported.v1' });
    const verifiedEvent = reader.messages.find(
      (message) => message.key === reported.body.id && message.headers.ce_type === 'accountability.incident.verified.v1',
    );
    expect(verifiedEvent?.headers.ce_correlationid).toBe('chain-correlation-1');
    expect(caseEvent.headers).toMatchObject({ ce_type: 'accountability.case.opened.v1', ce_correlationid: 'chain-correlation-1' });
    expect(caseEvent.key).toBe(JSON.parse(caseEvent.value!).caseId);
    expect(incidentEvent.value).not.toContain('officer-jane');
  });
});
