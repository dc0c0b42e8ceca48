import request from 'supertest';
import { Topics } from '#contracts';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { testNow } from '../support/clock.js';
import { eventually } from '../support/eventually.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';
import { TopicReader, type ReadMessage } from '../support/topic-reader.js';

/** Days counted back from one instant taken when the file loads, so they agree with each other. */
const start = testNow().getTime();
function daysAgo(days: number): string {
  return new Date(start - days * 86_400_000).toISOString().slice(0, 10);
}

const ORG = 'org-chain-six';
const JUSTIFICATION = 'Four reports late, investigators from the accused unit itself';

describe('recommendation 6 from the request to the referral, over HTTP and real Kafka and PostgreSQL', () => {
  let intake: RunningService;
  let investigation: RunningService;
  let reader: TopicReader;
  const officer = tokenFor('officer', ORG, 'officer-amal');
  const secondOfficer = tokenFor('officer', ORG, 'officer-bruno');
  const outsider = tokenFor('officer', 'org-elsewhere', 'officer-olga');
  const reportingStaff = tokenFor('reporting', 'org-elsewhere');

  beforeAll(async () => {
    intake = await startService('incident-intake');
    investigation = await startService('investigation-tracking', {
      INCIDENT_INTAKE_URL: intake.url,
      OVERDUE_SCAN_INTERVAL_MS: '300',
      UNJUSTIFIED_DELAY_DAYS: '3',
      DETERMINATION_FOUR_EYES: 'true',
    });
    reader = await TopicReader.open(Topics.cases);
  });

  afterAll(async () => {
    await reader.close();
    await Promise.all([intake, investigation].map((service) => service.stop()));
  });

  const api = () => request(investigation.url);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  async function reportAndVerify(overrides: Record<string, unknown>): Promise<string> {
    const reported = await request(intake.url).post('/incidents').set(as(officer)).send(reportIncidentBody(overrides)).expect(201);
    await request(intake.url).post(`/incidents/${reported.body.id}/verify`).set(as(officer)).expect(200);
    return reported.body.id;
  }

  async function caseOf(incidentId: string, token = officer) {
    return eventually(async () => {
      const found = await api().get('/cases').query({ incidentId }).set(as(token)).expect(200);
      expect(found.body.items).toHaveLength(1);
      return found.body.items[0];
    });
  }

  /** POSTs one transition with the current ETag and answers the new one. */
  async function step(path: string, body: object, etag: string, token = officer, method: 'post' | 'put' = 'post') {
    const response = await api()[method](path).set(as(token)).set('If-Match', etag).send(body);
    expect({ path, status: response.status, body: response.status === 200 ? 'ok' : response.body }).toEqual({
      path,
      status: 200,
      body: 'ok',
    });
    return response;
  }

  /** Whether GET /cases with these filters lists the case. */
  async function listed(caseId: string, filters: Record<string, string>): Promise<boolean> {
    const found = await api()
      .get('/cases')
      .query({ countryCode: 'MR', limit: 200, ...filters })
      .set(as(officer))
      .expect(200);
    return found.body.items.some((item: { id: string }) => item.id === caseId);
  }

  const caseEvents = (caseId: string): ReadMessage[] => reader.messages.filter((message) => message.key === caseId);
  const typesOf = (messages: ReadMessage[]) => messages.map((message) => message.headers.ce_type.replace('accountability.case.', ''));

  it('opens a case by policy, follows the State through reports, overdue, assessment, four-eyes determination, referral and closure', async () => {
    const incidentId = await reportAndVerify({ countryCode: 'MR', occurredOn: daysAgo(40), occurredOnPrecision: 'day' });
    const opened = await caseOf(incidentId);
    expect(opened).toMatchObject({
      openedBecause: 'opening_policy',
      owningOrganisation: ORG,
      stage: 'opened',
      concernedStateCodes: ['MR'],
    });
    const path = `/cases/${opened.id}`;
    let etag = (await api().get(path).set(as(officer)).expect(200)).headers.etag;
    expect(etag).toBe('W/"1"');

    // 6.1: the request, its acknowledgement and two progress reports.
    etag = (
      await step(
        `${path}/concerned-states/MR/request`,
        {
          requestedOn: daysAgo(20),
          channel: 'note_verbale',
          addresseeAuthority: 'Office of the Prosecutor General',
          reference: 'NV/2025/118',
        },
        etag,
      )
    ).headers.etag;
    etag = (await step(`${path}/concerned-states/MR/acknowledgement`, { receivedOn: daysAgo(15) }, etag)).headers.etag;
    const progress = (receivedOn: string) => ({
      receivedOn,
      investigatingAuthority: 'Military Prosecutor',
      investigationStatus: 'preliminary',
      suspectsIdentified: 0,
      preventionMeasuresReported: false,
      familiesInformed: false,
    });
    etag = (await step(`${path}/concerned-states/MR/progress-reports`, progress(daysAgo(10)), etag)).headers.etag;
    const afterReports = await step(`${path}/concerned-states/MR/progress-reports`, progress(daysAgo(5)), etag);
    expect(afterReports.body.stage).toBe('state_reporting');
    expect(afterReports.body.nextDue).toMatchObject({ kind: 'progress_report', dueOn: expect.any(String), concernedStateCode: 'MR' });

    // A case-specific policy: a report every day. The next report was due 4 days ago, so it is missed now.
    const overridden = await step(
      `${path}/reporting-policy`,
      {
        acknowledgementDays: 30,
        firstReportDays: 90,
        reportIntervalDays: 1,
        reason: 'The State agreed to daily reports during the emergency',
      },
      afterReports.headers.etag,
      officer,
      'put',
    );
    expect(overridden.body.nextDue.dueOn).toBe(daysAgo(4));

    // The scheduler announces the missed date once.
    await eventually(async () => expect(typesOf(caseEvents(opened.id))).toContain('report-overdue.v1'));
    // The list filters, on this case as it stands now.
    expect(
      await Promise.all([
        listed(opened.id, { overdue: 'true' }),
        listed(opened.id, { overdue: 'false' }),
        listed(opened.id, { stage: 'state_reporting' }),
        listed(opened.id, { stage: 'referred' }),
        listed(opened.id, { hasReferral: 'false' }),
        listed(opened.id, { concernedStateCode: 'MR' }),
        listed(opened.id, { concernedStateCode: 'ML' }),
        listed(opened.id, { openedFrom: daysAgo(1) }),
        listed(opened.id, { openedTo: daysAgo(2) }),
      ]),
    ).toEqual([true, false, true, false, true, true, false, true, false]);
    // A second concerned State whose acknowledgement date is already behind us: its announcement comes from a later
    // scheduler pass, which would have announced the first date again had it not been marked.
    etag = (await api().get(path).set(as(officer)).expect(200)).headers.etag;
    etag = (
      await step(
        `${path}/concerned-states`,
        { concernedStateCode: 'ML', basis: 'nationality_of_alleged_perpetrators', reason: 'Perpetrators crossed from ML' },
        etag,
      )
    ).headers.etag;
    await step(
      `${path}/concerned-states/ML/request`,
      { requestedOn: daysAgo(45), channel: 'letter', addresseeAuthority: 'Ministry of Justice' },
      etag,
    );
    await eventually(async () => {
      const overdue = caseEvents(opened.id).filter((message) => message.headers.ce_type.endsWith('report-overdue.v1'));
      expect(overdue.map((message) => JSON.parse(message.value!).concernedStateCode).sort()).toEqual(['ML', 'MR']);
    });
    etag = (await api().get(path).set(as(officer)).expect(200)).headers.etag;

    // 6.1: the assessment, with standards not met.
    const ratings = ['full', 'prompt', 'impartial', 'independent', 'transparent', 'effective'].map((standard) => ({
      standard,
      rating: standard === 'prompt' || standard === 'independent' ? 'not_met' : 'partly_met',
      criteria: standard === 'independent' ? [{ criterion: 'investigators_independent', satisfied: false }] : [],
      evidenceItemIds: [],
    }));
    const assessed = await step(
      `${path}/concerned-states/MR/assessments`,
      { assessedOn: daysAgo(0), judicialSystem: 'functioning', ratings },
      etag,
    );
    const bf = assessed.body.concernedStates.find((track: { stateCode: string }) => track.stateCode === 'MR');
    expect(bf.indicators.map((indicator: { kind: string }) => indicator.kind)).toEqual([
      'unjustified_delay',
      'lack_of_independence_or_impartiality',
    ]);
    const delay = bf.indicators[0];
    expect(delay.legalBasis).toBe('Rome Statute art. 17(2)(b)');
    // 4 days when the clock has not passed midnight since the file loaded, 5 if it has.
    expect(delay.facts.join(' ')).toMatch(new RegExp(`due ${daysAgo(4)} is [45] days overdue`));

    // 6.2: a determination that needs a second officer.
    const proposal = {
      finding: 'unwilling',
      grounds: ['unjustified_delay', 'lack_of_independence_or_impartiality'],
      justification: JUSTIFICATION,
    };
    const proposed = await step(`${path}/concerned-states/MR/determination`, proposal, assessed.headers.etag);
    expect(proposed.body.stage).toBe('determination_pending');
    const selfApproval = await api()
      .post(`${path}/concerned-states/MR/determination/approval`)
      .set(as(officer))
      .set('If-Match', proposed.headers.etag);
    expect(selfApproval.status).toBe(403);
    const approved = await step(`${path}/concerned-states/MR/determination/approval`, {}, proposed.headers.etag, secondOfficer);
    expect(approved.body.stage).toBe('determined_unable_unwilling');

    const referred = await step(
      `${path}/concerned-states/MR/referrals`,
      { mechanism: 'international_criminal_court', referredOn: daysAgo(0), reference: 'OTP-CR-2025-77' },
      approved.headers.etag,
    );
    expect(referred.body.stage).toBe('referred');
    expect(
      await Promise.all([listed(opened.id, { hasReferral: 'true', stage: 'referred' }), listed(opened.id, { hasReferral: 'false' })]),
    ).toEqual([true, false]);
    const [referral] = referred.body.concernedStates.find((track: { stateCode: string }) => track.stateCode === 'MR').referrals;
    const examined = await step(
      `${path}/referrals/${referral.id}/status`,
      { status: 'under_preliminary_examination', on: daysAgo(0) },
      referred.headers.etag,
    );

    const closed = await step(
      `${path}/close`,
      { outcome: 'referral_concluded', reason: 'The Office of the Prosecutor took the situation up' },
      examined.headers.etag,
    );
    expect(closed.body).toMatchObject({ stage: 'closed', status: 'closed' });
    expect(closed.body.nextDue).toBeUndefined();

    // The timeline: every transition, in order, with who and why.
    const detail = (await api().get(path).set(as(officer)).expect(200)).body;
    expect(detail.timeline.map((entry: { action: string }) => entry.action)).toEqual([
      'open',
      'request_investigation',
      'acknowledge',
      'report_progress',
      'report_progress',
      'override_reporting_policy',
      'mark_overdue',
      'add_concerned_state',
      'request_investigation',
      'mark_overdue',
      'assess',
      'determine',
      'approve_determination',
      'refer',
      'update_referral',
      'close',
    ]);
    expect(detail.timeline.map((entry: { sequence: number }) => entry.sequence)).toEqual(
      detail.timeline.map((_: unknown, index: number) => index + 1),
    );
    expect(detail.timeline.find((entry: { action: string }) => entry.action === 'determine')).toMatchObject({
      by: 'officer-amal',
      reason: JUSTIFICATION,
    });
    expect(detail.timeline.find((entry: { action: string }) => entry.action === 'approve_determination').by).toBe('officer-bruno');

    // Every event on the topic, as a partner's consumer reads it: in order, keyed by case, no names or free text.
    const events = await eventually(async () => {
      const messages = caseEvents(opened.id);
      expect(messages).toHaveLength(16);
      return messages;
    });
    expect(typesOf(events)).toEqual([
      'opened.v1',
      'state-requested.v1',
      'state-acknowledged.v1',
      'progress-reported.v1',
      'progress-reported.v1',
      'reporting-policy-changed.v1',
      'report-overdue.v1',
      'concerned-state-added.v1',
      'state-requested.v1',
      'report-overdue.v1',
      'assessed.v1',
      'determination-proposed.v1',
      'determined-unable-unwilling.v1',
      'referred.v1',
      'referral-updated.v1',
      'closed.v1',
    ]);
    const payloads = events.map((message) => JSON.parse(message.value!));
    expect(payloads.map((payload) => payload.version)).toEqual(payloads.map((_, index) => index + 1));
    expect(new Set(events.map((message) => message.headers.ce_subject))).toEqual(new Set([`case/${opened.id}`]));
    expect(payloads[12]).toMatchObject({
      finding: 'unwilling',
      secondApproval: true,
      owningOrganisation: ORG,
      confidentiality: 'restricted',
    });
    for (const secret of ['officer-amal', 'officer-bruno', JUSTIFICATION, 'Office of the Prosecutor General', 'Military Prosecutor']) {
      expect(events.map((message) => message.value).join('\n')).not.toContain(secret);
    }
    // Closed: no more overdue dates, though the ML acknowledgement was still outstanding.
    expect(
      detail.concernedStates
        .flatMap((track: { dueDates: { cancelledOn?: string; fulfilledOn?: string }[] }) => track.dueDates)
        .every((due: { cancelledOn?: string; fulfilledOn?: string }) => due.cancelledOn || due.fulfilledOn),
    ).toBe(true);
  });

  it('opens no case for an incident outside the policy, and lets an officer open one by hand', async () => {
    const incidentId = await reportAndVerify({
      countryCode: 'MR',
      personnel: [{ harm: 'wounded', status: 'national', count: 1 }],
      assets: [],
    });
    await eventually(async () => {
      const facts = await api()
        .post('/cases')
        .set(as(officer))
        .send({ incidentIds: [incidentId] });
      expect(facts.status).toBe(201);
      expect(facts.body).toMatchObject({ openedBecause: 'officer', owningOrganisation: ORG, incidentId });
    });
    const again = await api()
      .post('/cases')
      .set(as(officer))
      .send({ incidentIds: [incidentId] });
    expect(again.status).toBe(409);
  });

  it('keeps organisations apart: another organisation reads a restricted case but may not change it, and never sees a confidential one', async () => {
    const restrictedCase = await caseOf(await reportAndVerify({ countryCode: 'GW' }));
    const confidentialIncident = await reportAndVerify({ countryCode: 'GW', confidentiality: 'confidential' });
    const confidentialCase = await caseOf(confidentialIncident);

    const read = await api().get(`/cases/${restrictedCase.id}`).set(as(outsider)).expect(200);
    const write = await api()
      .post(`/cases/${restrictedCase.id}/concerned-states/GW/request`)
      .set(as(outsider))
      .set('If-Match', read.headers.etag)
      .send({ requestedOn: daysAgo(1), channel: 'letter', addresseeAuthority: 'Ministry of Justice' });
    expect(write.status).toBe(403);
    expect(write.body.message).toContain(ORG);

    await api().get(`/cases/${confidentialCase.id}`).set(as(outsider)).expect(404);
    await api().get(`/cases/${confidentialCase.id}`).set(as(reportingStaff)).expect(404);
    const listed = await api().get('/cases').query({ countryCode: 'GW', limit: 200 }).set(as(outsider)).expect(200);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(restrictedCase.id);
    expect(listed.body.items.map((item: { id: string }) => item.id)).not.toContain(confidentialCase.id);
    const attention = await api().get('/cases/attention').set(as(outsider)).expect(200);
    expect(attention.body.map((item: { id: string }) => item.id)).not.toContain(confidentialCase.id);
    await api().get(`/cases/${confidentialCase.id}`).set(as(officer)).expect(200);
    const after = await api().get(`/cases/${restrictedCase.id}`).set(as(officer)).expect(200);
    expect(after.headers.etag).toBe(read.headers.etag);
  });

  it('flags the case of a rejected incident for review and keeps it', async () => {
    const incidentId = await reportAndVerify({ countryCode: 'LR' });
    const found = await caseOf(incidentId);
    await request(intake.url)
      .post(`/incidents/${incidentId}/reject`)
      .set(as(officer))
      .send({ reason: 'not_credible', explanation: 'The source retracted' })
      .expect(200);
    await eventually(async () => {
      const detail = await api().get(`/cases/${found.id}`).set(as(officer)).expect(200);
      expect(detail.body).toMatchObject({ flaggedForReview: true, status: 'open' });
    });
  });

  it('finds duplicate candidates of a case through intake and links one as a duplicate, counted once', async () => {
    const original = await reportAndVerify({ countryCode: 'DJ', occurredOn: daysAgo(20), adminLevel1: 'Obock' });
    const found = await caseOf(original);
    const duplicateReport = await request(intake.url)
      .post('/incidents')
      .set(as(secondOfficer))
      .send(reportIncidentBody({ countryCode: 'DJ', occurredOn: daysAgo(20), adminLevel1: 'Obock' }))
      .expect(201);

    const candidates = await eventually(async () => {
      const response = await api().get(`/cases/${found.id}/duplicate-candidates`).set(as(officer)).expect(200);
      expect(response.body.items[0]).toMatchObject({
        incidentId: duplicateReport.body.id,
        similarToIncidentId: original,
        inOtherCase: false,
      });
      return response.body.items;
    });
    expect(candidates[0].score).toBeGreaterThanOrEqual(0.9);

    const etag = (await api().get(`/cases/${found.id}`).set(as(officer)).expect(200)).headers.etag;
    await eventually(async () => {
      const linked = await api().post(`/cases/${found.id}/incidents`).set(as(officer)).set('If-Match', etag).send({
        incidentId: duplicateReport.body.id,
        kind: 'duplicate',
        duplicateOfIncidentId: original,
        reason: 'Same attack reported by the cluster',
      });
      expect(linked.status).toBe(200);
    });
    const event = await eventually(async () => {
      const message = caseEvents(found.id).find((candidate) => candidate.headers.ce_type === 'accountability.case.incident-linked.v1');
      expect(message).toBeDefined();
      return JSON.parse(message!.value!);
    });
    expect(event).toMatchObject({ incidentId: duplicateReport.body.id, linkKind: 'duplicate', duplicateOfIncidentId: original });
  });
});
