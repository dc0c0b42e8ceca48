import request from 'supertest';
import { Topics } from '#contracts';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { eventually } from '../support/eventually.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';
import { TopicReader, type ReadMessage } from '../support/topic-reader.js';

/** Kenya and Uganda are this file's own countries. */
describe('partner streams: what partners read of incidents and cases', () => {
  let intake: RunningService;
  let investigation: RunningService;
  let reader: TopicReader;
  const organisation = 'org-partner-streams';
  const officer = tokenFor('officer', organisation, 'officer-amina');

  beforeAll(async () => {
    [intake, investigation] = await Promise.all([
      startService('incident-intake', { ORGANISATION_TYPES: `${organisation}=un,org-elsewhere=ingo` }),
      startService('investigation-tracking'),
    ]);
    reader = await TopicReader.open(Topics.partnerIncidents, Topics.partnerCases);
  });

  afterAll(async () => {
    await reader.close();
    await Promise.all([intake, investigation].map((service) => service.stop()));
  });

  async function report(overrides: Record<string, unknown>) {
    return request(intake.url).post('/incidents').set('Authorization', `Bearer ${officer}`).send(reportIncidentBody(overrides)).expect(201);
  }

  /** Verifying an incident with people killed opens a case by the default opening policy. */
  async function verify(id: string) {
    return request(intake.url).post(`/incidents/${id}/verify`).set('Authorization', `Bearer ${officer}`).expect(200);
  }

  async function caseOf(incidentId: string): Promise<{ id: string; reference: string }> {
    return eventually(async () => {
      const cases = await request(investigation.url)
        .get('/cases')
        .query({ incidentId })
        .set('Authorization', `Bearer ${officer}`)
        .expect(200);
      expect(cases.body.items).toHaveLength(1);
      return cases.body.items[0];
    });
  }

  const on = (topic: string, key: string) => reader.messages.filter((message) => message.topic === topic && message.key === key);
  const typeOf = (message: ReadMessage) => message.headers.ce_type;
  const payloadOf = (message: ReadMessage) => JSON.parse(message.value!) as Record<string, unknown>;

  async function published(topic: string, key: string, count = 1): Promise<ReadMessage[]> {
    return eventually(async () => {
      const messages = on(topic, key);
      expect(messages.length).toBeGreaterThanOrEqual(count);
      return messages;
    });
  }

  it('shows a public incident and its case with the organisation type, never the organisation', async () => {
    const reported = await report({ countryCode: 'KE', confidentiality: 'public' });
    await verify(reported.body.id);
    const opened = await caseOf(reported.body.id);

    const incidentMessages = await published(Topics.partnerIncidents, reported.body.id, 2);
    expect(incidentMessages.map(typeOf)).toEqual([
      'accountability.partner.incident.published.v1',
      'accountability.partner.incident.published.v1',
    ]);
    expect(incidentMessages.map(payloadOf)).toEqual([
      expect.objectContaining({
        disclosure: 'public',
        reference: reported.body.reference,
        status: 'reported',
        reportingOrganisationType: 'un',
      }),
      expect.objectContaining({ disclosure: 'public', status: 'verified', version: 2 }),
    ]);
    const [caseMessage] = await published(Topics.partnerCases, opened.id);
    expect(typeOf(caseMessage)).toBe('accountability.partner.case.published.v1');
    expect(payloadOf(caseMessage)).toMatchObject({
      disclosure: 'public',
      reference: opened.reference,
      countryCode: 'KE',
      incidentIds: [reported.body.id],
      stage: 'opened',
    });
    for (const message of [...incidentMessages, caseMessage]) {
      expect(message.value).not.toContain(organisation);
      expect(message.headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('shows a restricted incident as its country and month only', async () => {
    const reported = await report({ countryCode: 'UG', confidentiality: 'restricted', occurredOn: '2026-03-14' });
    const [message] = await published(Topics.partnerIncidents, reported.body.id);
    expect(payloadOf(message)).toEqual({
      incidentId: reported.body.id,
      version: 1,
      disclosure: 'restricted',
      countryCode: 'UG',
      occurredIn: '2026-03',
    });
  });

  it('never shows a confidential incident or its case', async () => {
    const confidential = await report({ countryCode: 'KE', confidentiality: 'confidential' });
    await verify(confidential.body.id);
    const hidden = await caseOf(confidential.body.id);
    // The outbox relays rows in order: once a later change is on the partner topics, the earlier ones would be too.
    const marker = await report({ countryCode: 'KE', confidentiality: 'public' });
    await verify(marker.body.id);
    await published(Topics.partnerCases, (await caseOf(marker.body.id)).id);

    const everything = reader.messages.map((message) => `${message.key} ${message.value}`).join('\n');
    for (const secret of [confidential.body.id, confidential.body.reference, hidden.id, hidden.reference]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('withdraws an incident and its case under the same keys when the incident is made confidential', async () => {
    const reported = await report({ countryCode: 'UG', confidentiality: 'public' });
    const verified = await verify(reported.body.id);
    const opened = await caseOf(reported.body.id);
    await published(Topics.partnerCases, opened.id);

    await request(intake.url)
      .patch(`/incidents/${reported.body.id}`)
      .set('Authorization', `Bearer ${officer}`)
      .set('If-Match', verified.headers.etag)
      .send({ confidentiality: 'confidential', reason: 'A witness is at risk' })
      .expect(200);

    const incidentMessages = await published(Topics.partnerIncidents, reported.body.id, 3);
    expect(typeOf(incidentMessages[2])).toBe('accountability.partner.incident.withdrawn.v1');
    expect(payloadOf(incidentMessages[2])).toMatchObject({
      incidentId: reported.body.id,
      version: 3,
      countryCode: 'UG',
      cause: 'withheld',
    });
    const caseMessages = await published(Topics.partnerCases, opened.id, 2);
    expect(caseMessages.map(typeOf)).toEqual(['accountability.partner.case.published.v1', 'accountability.partner.case.withdrawn.v1']);
    expect(payloadOf(caseMessages[1])).toMatchObject({ caseId: opened.id, countryCode: 'UG' });
  });
});
