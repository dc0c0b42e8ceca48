import { execFile } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { promisify } from 'node:util';
import request from 'supertest';
import { AllTopics, Topics } from '#contracts';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { eventually } from '../support/eventually.js';
import { findPlanted, type Leak } from '../support/planted-strings.js';
import { startService, tokenFor, type RunningService, type ServiceName } from '../support/services.js';
import { TopicReader } from '../support/topic-reader.js';

// Issue 7, "No personal data anywhere": recognisable fake identities planted through every
// protected-data entry point, then searched for everywhere data leaves a protected store.
const VICTIM = 'Zephyrine Quillfeather';
const SECOND_VICTIM = 'Ifeoma Okonkwo-Vasquez-Tremblay';
const STAFF_ID = 'STAFF-55123';
const CONTACT = '+000 555 0173 ask for Mrs Quillfeather';
const TESTIMONY = 'The grey pickup stopped us beside the baobab at the Lirangwe turn';
const WITNESS = 'Barnaby Thistlewick-Odu';
const PERPETRATOR = 'Colonel Ravensgrove Mbatha';
const SURVIVOR = 'Wilhelmina Gorsebrook';
const SURVIVOR_NOTES = 'Receives counselling at the Ndirande clinic every Tuesday';
const ACCUSED = 'Captain Izidor Vantablack';
const SECOND_ACCUSED = 'Sergeant Hollis Pemberquay';
/** Only ever sent in requests that must be refused: it must not even reach a protected store. */
const REFUSED = 'Marisol Featherstonehaugh';

/** Whole strings, and each one's distinctive word, so a truncated or reformatted copy is caught too. */
const PLANTED = [
  VICTIM,
  SECOND_VICTIM,
  STAFF_ID,
  CONTACT,
  TESTIMONY,
  WITNESS,
  PERPETRATOR,
  SURVIVOR,
  SURVIVOR_NOTES,
  ACCUSED,
  SECOND_ACCUSED,
  REFUSED,
  'Quillfeather',
  'Okonkwo-Vasquez-Tremblay',
  'Lirangwe',
  'Thistlewick',
  'Ravensgrove',
  'Gorsebrook',
  'Ndirande',
  'Vantablack',
  'Pemberquay',
  'Featherstonehaugh',
];

// A country no other test uses, so the lists and statistics below hold only what this test made.
const COUNTRY = 'MW';
const ORG = 'org-scan';

const incidentProtected = {
  perpetratorName: PERPETRATOR,
  victims: [
    { name: VICTIM, staffId: STAFF_ID, contact: CONTACT, harm: 'killed', status: 'national', gender: 'female', testimony: TESTIMONY },
  ],
  witnesses: [{ name: WITNESS, testimony: TESTIMONY }],
};
const replacedProtected = {
  perpetratorName: PERPETRATOR,
  victims: [...incidentProtected.victims, { name: SECOND_VICTIM, harm: 'killed', status: 'international' }],
  witnesses: incidentProtected.witnesses,
};
const caseProtected = {
  survivors: [{ name: SURVIVOR, contact: CONTACT, supportKinds: ['medical_care', 'psychosocial_support'], notes: SURVIVOR_NOTES }],
  accused: [{ name: ACCUSED, notes: `Commanded the unit that ${TESTIMONY.toLowerCase()}` }, { name: SECOND_ACCUSED }],
};

type Service = RunningService & { logFile: string };

describe('no personal data anywhere: planted names never leave the protected stores (real services, Kafka and PostgreSQL)', () => {
  const services = {} as Record<ServiceName, Service>;
  let reader: TopicReader;
  const officer = tokenFor('officer', ORG, 'officer-scan');
  const outsider = tokenFor('officer', 'org-scan-other', 'officer-scan-other');
  const admin = tokenFor('admin', 'org-admin', 'admin-scan');
  const reportingStaff = tokenFor('reporting', ORG, 'reporting-scan');
  const partner = tokenFor('partner', 'org-partner', 'partner-scan');
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const intake = () => request(services['incident-intake'].url);
  const investigation = () => request(services['investigation-tracking'].url);
  const reporting = () => request(services['council-reporting'].url);

  /** Every answer this test received, by what was asked: the read surfaces and the error bodies are scanned. */
  const readSurfaces: { source: string; text: string }[] = [];
  const errorBodies: { source: string; text: string }[] = [];
  let restrictedIncident: string;
  let confidentialIncident: string;
  let restrictedCase: string;
  let confidentialCase: string;

  async function read(source: string, call: request.Test, status = 200): Promise<request.Response> {
    const response = await call;
    expect({ source, status: response.status }).toEqual({ source, status });
    readSurfaces.push({ source, text: `${JSON.stringify(response.headers)}\n${response.text}` });
    return response;
  }

  async function refused(source: string, call: request.Test): Promise<request.Response> {
    const response = await call;
    expect({ source, refused: response.status >= 400 && response.status < 500 }).toEqual({ source, refused: true });
    errorBodies.push({ source: `${source} → ${response.status}`, text: `${JSON.stringify(response.headers)}\n${response.text}` });
    return response;
  }

  async function caseOf(incidentId: string): Promise<string> {
    return eventually(async () => {
      const found = await investigation().get('/cases').query({ incidentId }).set(as(officer)).expect(200);
      expect(found.body.items).toHaveLength(1);
      return found.body.items[0].id as string;
    });
  }

  beforeAll(async () => {
    const start = async (name: ServiceName, env: Record<string, string> = {}) => {
      const logFile = `.stack/logs/e2e-personal-data-scan-${name}.log`;
      rmSync(logFile, { force: true });
      services[name] = await startService(name, { LOG_LEVEL: 'debug', ...env }, logFile);
    };
    await start('incident-intake');
    await Promise.all([
      start('investigation-tracking', { INCIDENT_INTAKE_URL: services['incident-intake'].url }),
      start('council-reporting'),
    ]);
    reader = await TopicReader.open(...AllTopics);
    // One scenario, acted once before every scan: the scans then pass in any order (jest --randomize).
    await plantNames();
    await driveOrdinaryTraffic();
    await refuseAndAmend();
  });

  afterAll(async () => {
    await reader?.close();
    await Promise.all(Object.values(services).map((service) => service.stop()));
  });

  /** Plants the names through every protected-data entry point. */
  async function plantNames(): Promise<void> {
    restrictedIncident = (
      await intake()
        .post('/incidents')
        .set(as(officer))
        .send({ ...reportIncidentBody({ countryCode: COUNTRY }), protected: incidentProtected })
        .expect(201)
    ).body.id;
    await intake().put(`/incidents/${restrictedIncident}/protected-data`).set(as(officer)).send(replacedProtected).expect(204);

    const confidentialBody = {
      ...reportIncidentBody({ countryCode: COUNTRY, confidentiality: 'confidential', occurredOn: '2026-02-01' }),
      protected: { perpetratorName: PERPETRATOR, victims: [{ name: SECOND_VICTIM, harm: 'kidnapped', status: 'national' }] },
    };
    confidentialIncident = (
      await intake().post('/incidents').set(as(officer)).set('Idempotency-Key', 'scan-confidential').send(confidentialBody).expect(201)
    ).body.id;
    // A replay carries the names a second time through the idempotency path.
    await intake().post('/incidents').set(as(officer)).set('Idempotency-Key', 'scan-confidential').send(confidentialBody).expect(200);

    for (const id of [restrictedIncident, confidentialIncident]) {
      await intake().post(`/incidents/${id}/verify`).set(as(officer)).expect(200);
    }
    restrictedCase = await caseOf(restrictedIncident);
    confidentialCase = await caseOf(confidentialIncident);
    for (const id of [restrictedCase, confidentialCase]) {
      await investigation().put(`/cases/${id}/protected-data`).set(as(officer)).send(caseProtected).expect(204);
    }
  }

  it('gives the planted names back to the owning organisation, where the scanner finds them', async () => {
    // The positive control: without it, finding nothing anywhere would prove nothing.
    const incidentData = await intake().get(`/incidents/${restrictedIncident}/protected-data`).set(as(officer)).expect(200);
    expect(incidentData.body).toEqual(replacedProtected);
    expect(incidentData.text).toContain(VICTIM);
    expect(incidentData.text).toContain(STAFF_ID);
    const caseData = await investigation().get(`/cases/${restrictedCase}/protected-data`).set(as(officer)).expect(200);
    expect(caseData.body).toEqual(caseProtected);
    expect(caseData.text).toContain(SURVIVOR);
    expect(caseData.text).toContain(ACCUSED);
    const adminView = await investigation().get(`/cases/${confidentialCase}/protected-data`).set(as(admin)).expect(200);
    expect(adminView.text).toContain(SECOND_ACCUSED);
    // And the scanner finds them where they rightly are.
    const found = [incidentData, caseData].flatMap((response) => findPlanted('protected data', response.text, PLANTED));
    expect(new Set(found.map((leak) => leak.planted))).toEqual(
      new Set(PLANTED.filter((planted) => planted !== REFUSED && planted !== 'Featherstonehaugh')),
    );
  });

  /** Drives the ordinary traffic around the names and keeps every answer for the scans below. */
  async function driveOrdinaryTraffic(): Promise<void> {
    const current = await intake().get(`/incidents/${restrictedIncident}`).set(as(officer)).expect(200);
    expect(current.body.status).toBe('verified');

    const caseDetail = await investigation().get(`/cases/${restrictedCase}`).set(as(officer)).expect(200);
    const requested = await investigation()
      .post(`/cases/${restrictedCase}/concerned-states/${COUNTRY}/request`)
      .set(as(officer))
      .set('If-Match', caseDetail.headers.etag)
      .send({ requestedOn: '2026-03-20', channel: 'note_verbale', addresseeAuthority: 'Office of the Director of Public Prosecutions' })
      .expect(200);
    await investigation()
      .put(`/cases/${restrictedCase}/survivor-support/medical_care`)
      .set(as(officer))
      .set('If-Match', requested.headers.etag)
      .send({ personsSupported: 1, status: 'ongoing' })
      .expect(200);

    const statistics = await eventually(async () => {
      const response = await reporting().get('/statistics').query({ concernedState: COUNTRY }).set(as(officer)).expect(200);
      expect(response.body.totals.incidents).toBe(2);
      expect(response.body.accountability.byState).toEqual([expect.objectContaining({ stateCode: COUNTRY, cases: 2 })]);
      return response;
    });
    readSurfaces.push({ source: 'GET /statistics?concernedState (officer)', text: statistics.text });

    for (const [who, token] of [
      ['officer', officer],
      ['admin', admin],
      ['reporting', reportingStaff],
    ] as const) {
      await read(`GET /incidents (${who})`, intake().get('/incidents').query({ limit: 200 }).set(as(token)));
      await read(`GET /incidents?countryCode (${who})`, intake().get('/incidents').query({ countryCode: COUNTRY }).set(as(token)));
      for (const format of ['csv', 'json']) {
        await read(`GET /incidents/export?format=${format} (${who})`, intake().get('/incidents/export').query({ format }).set(as(token)));
      }
      await read(`GET /cases (${who})`, investigation().get('/cases').query({ limit: 200 }).set(as(token)));
      await read(`GET /cases/attention (${who})`, investigation().get('/cases/attention').set(as(token)));
      await read(`GET /statistics (${who})`, reporting().get('/statistics').set(as(token)));
    }
    await read('GET /statistics (partner)', reporting().get('/statistics').query({ concernedState: COUNTRY }).set(as(partner)));
    for (const id of [restrictedIncident, confidentialIncident]) {
      await read(`GET /incidents/${id}`, intake().get(`/incidents/${id}`).set(as(officer)));
      await read(`GET /incidents/${id}/history`, intake().get(`/incidents/${id}/history`).set(as(officer)));
      await read(`GET /incidents/${id}/duplicate-candidates`, intake().get(`/incidents/${id}/duplicate-candidates`).set(as(officer)));
    }
    for (const id of [restrictedCase, confidentialCase]) {
      const detail = await read(`GET /cases/${id}`, investigation().get(`/cases/${id}`).set(as(officer)));
      expect(detail.body.timeline.length).toBeGreaterThan(0);
      await read(`GET /cases/${id}/duplicate-candidates`, investigation().get(`/cases/${id}/duplicate-candidates`).set(as(officer)));
    }
    for (const [service, call] of [
      ['intake', intake],
      ['investigation', investigation],
    ] as const) {
      await read(`GET /audit (${service})`, call().get('/audit').query({ limit: 500 }).set(as(admin)));
    }
  }

  /** Sends invalid requests that carry the names, keeping the refusals, and amends the incident around them. */
  async function refuseAndAmend(): Promise<void> {
    const incidentUrl = `/incidents/${restrictedIncident}`;
    const etag = (await intake().get(incidentUrl).set(as(officer)).expect(200)).headers.etag;
    // Verified incidents may still be amended; the history is read again after it.
    await intake()
      .patch(incidentUrl)
      .set(as(officer))
      .set('If-Match', etag)
      .send({ meansOfAttack: 'shelling', reason: 'Field team corrected the means of attack' })
      .expect(200);
    await read(`GET ${incidentUrl}/history after amendment`, intake().get(`${incidentUrl}/history`).set(as(officer)));

    const invalidVictim = { name: REFUSED, staffId: STAFF_ID, harm: 'eaten', testimony: TESTIMONY };
    await refused(
      'POST /incidents with an invalid protected block',
      intake()
        .post('/incidents')
        .set(as(officer))
        .send({ ...reportIncidentBody({ countryCode: COUNTRY }), protected: { perpetratorName: REFUSED, victims: [invalidVictim] } }),
    );
    await refused(
      'POST /incidents with the name in a field that holds none',
      intake()
        .post('/incidents')
        .set(as(officer))
        .send({ ...reportIncidentBody({ countryCode: COUNTRY, meansOfAttack: REFUSED }), protected: incidentProtected }),
    );
    await refused(
      'POST /incidents with malformed JSON',
      intake()
        .post('/incidents')
        .set(as(officer))
        .set('Content-Type', 'application/json')
        .send(`{"countryCode":"${COUNTRY}","protected":{"victims":[{"name": ${REFUSED} ${TESTIMONY}`),
    );
    await refused(
      'PUT /incidents/:id/protected-data with an invalid victim',
      intake()
        .put(`${incidentUrl}/protected-data`)
        .set(as(officer))
        .send({ perpetratorName: REFUSED, victims: [invalidVictim] }),
    );
    await refused(
      'PUT /incidents/:id/protected-data with a name too long',
      intake()
        .put(`${incidentUrl}/protected-data`)
        .set(as(officer))
        .send({ victims: [{ name: `${REFUSED} `.repeat(20) }] }),
    );
    await refused(
      'PUT /incidents/:id/protected-data with an unknown field',
      intake()
        .put(`${incidentUrl}/protected-data`)
        .set(as(officer))
        .send({ victims: [{ name: REFUSED, nickname: REFUSED }] }),
    );
    await refused(
      'PUT /incidents/:id/protected-data as text/plain',
      intake()
        .put(`${incidentUrl}/protected-data`)
        .set(as(officer))
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ perpetratorName: REFUSED, victims: [{ name: REFUSED }] })),
    );
    await refused(
      'PUT /incidents/:id/protected-data by another organisation',
      intake()
        .put(`${incidentUrl}/protected-data`)
        .set(as(outsider))
        .send({ perpetratorName: REFUSED, victims: [{ name: REFUSED }] }),
    );
    await refused(
      'PUT /incidents/:id/protected-data of an incident that does not exist',
      intake().put('/incidents/01a226d8-0000-7000-8000-00000000beef/protected-data').set(as(officer)).send({ perpetratorName: REFUSED }),
    );
    await refused(
      'PATCH /incidents/:id with the name in an invalid field',
      intake()
        .patch(incidentUrl)
        .set(as(officer))
        .set('If-Match', 'W/"99"')
        .send({ motive: REFUSED, perpetratorName: REFUSED, reason: 'x' }),
    );
    await refused(
      'GET /incidents/:id/protected-data by another organisation',
      intake().get(`${incidentUrl}/protected-data`).set(as(outsider)),
    );
    await refused(
      'GET /incidents/:id/protected-data by reporting staff',
      intake().get(`${incidentUrl}/protected-data`).set(as(reportingStaff)),
    );

    const caseUrl = `/cases/${restrictedCase}`;
    await refused(
      'PUT /cases/:id/protected-data with an invalid support kind',
      investigation()
        .put(`${caseUrl}/protected-data`)
        .set(as(officer))
        .send({ survivors: [{ name: REFUSED, supportKinds: [REFUSED], notes: TESTIMONY }], accused: [{ name: REFUSED }] }),
    );
    await refused(
      'PUT /cases/:id/protected-data without accused',
      investigation()
        .put(`${caseUrl}/protected-data`)
        .set(as(officer))
        .send({ survivors: [{ name: REFUSED, supportKinds: [] }] }),
    );
    await refused(
      'PUT /cases/:id/protected-data with malformed JSON',
      investigation()
        .put(`${caseUrl}/protected-data`)
        .set(as(officer))
        .set('Content-Type', 'application/json')
        .send(`{"survivors":[{"name":"${REFUSED}",`),
    );
    await refused(
      'PUT /cases/:id/protected-data as text/plain',
      investigation()
        .put(`${caseUrl}/protected-data`)
        .set(as(officer))
        .set('Content-Type', 'text/plain')
        .send(JSON.stringify({ survivors: [{ name: REFUSED, supportKinds: [] }], accused: [] })),
    );
    await refused(
      'PUT /cases/:id/protected-data by another organisation',
      investigation()
        .put(`${caseUrl}/protected-data`)
        .set(as(outsider))
        .send({ survivors: [{ name: REFUSED, supportKinds: [] }], accused: [{ name: REFUSED }] }),
    );
    await refused(
      'PUT /cases/:id/survivor-support with the name as the status',
      investigation()
        .put(`${caseUrl}/survivor-support/legal_aid`)
        .set(as(officer))
        .set('If-Match', 'W/"1"')
        .send({ personsSupported: 1, status: REFUSED }),
    );
    await refused(
      'GET /cases/:id/protected-data by another organisation',
      investigation().get(`${caseUrl}/protected-data`).set(as(outsider)),
    );

    // Nothing refused changed what the owning organisation holds.
    expect((await intake().get(`${incidentUrl}/protected-data`).set(as(officer)).expect(200)).body).toEqual(replacedProtected);
    expect((await investigation().get(`${caseUrl}/protected-data`).set(as(officer)).expect(200)).body).toEqual(caseProtected);
  }

  it('puts none of them on any topic of the contract, dead-letter twins included', async () => {
    const timelineLength = async (caseId: string) =>
      (await investigation().get(`/cases/${caseId}`).set(as(officer)).expect(200)).body.timeline.length as number;
    const expected = {
      [restrictedIncident]: (await intake().get(`/incidents/${restrictedIncident}/history`).set(as(officer)).expect(200)).body.length,
      [confidentialIncident]: 2,
      [restrictedCase]: await timelineLength(restrictedCase),
      [confidentialCase]: await timelineLength(confidentialCase),
    };
    await eventually(async () => {
      const seen = Object.fromEntries(
        Object.keys(expected).map((key) => [
          key,
          reader.messages.filter((message) => message.key === key && (message.topic === Topics.incidents || message.topic === Topics.cases))
            .length,
        ]),
      );
      expect(seen).toEqual(expected);
    });
    // The scan covers every topic the reader subscribed to; the dead-letter twins hold only what a consumer could not process.
    expect(reader.messages.map((message) => message.topic)).toEqual(expect.arrayContaining([Topics.incidents, Topics.cases]));

    const leaks = reader.messages.flatMap((message) =>
      findPlanted(
        `${message.topic} partition ${message.partition} key ${message.key}`,
        `${message.key}\n${JSON.stringify(message.headers)}\n${message.value}`,
        PLANTED,
      ),
    );
    expect(leaks).toEqual([]);
  });

  it('shows none of them in any list, export, history, statistics, case timeline or audit page', () => {
    expect(readSurfaces.length).toBeGreaterThan(30);
    const leaks: Leak[] = readSurfaces.flatMap(({ source, text }) => findPlanted(source, text, PLANTED));
    expect(leaks).toEqual([]);
  });

  it('echoes none of them in an error body', () => {
    expect(errorBodies.length).toBeGreaterThan(15);
    const leaks: Leak[] = errorBodies.flatMap(({ source, text }) => findPlanted(source, text, PLANTED));
    expect(leaks).toEqual([]);
  });

  it('writes none of them to the service logs at debug level', async () => {
    const marker = `scan-end-${Date.now()}`;
    for (const name of Object.keys(services) as ServiceName[]) {
      await request(services[name].url).get('/statistics').set('X-Correlation-Id', marker).set(as(officer));
      // Logs are written in order: with the marker in, everything the scenario logged before it is too.
      await eventually(async () => expect(readFileSync(services[name].logFile, 'utf8')).toContain(marker));
    }
    const leaks: Leak[] = [];
    for (const name of Object.keys(services) as ServiceName[]) {
      const log = readFileSync(services[name].logFile, 'utf8');
      expect(log).toContain(`"service":"${name}"`);
      leaks.push(...findPlanted(services[name].logFile, log, PLANTED));
    }
    expect(leaks).toEqual([]);
  });

  it('keeps them only as ciphertext in the database: a pg_dump holds none in plaintext', async () => {
    const { stdout: dump } = await promisify(execFile)('pg_dump', ['--data-only', process.env.DATABASE_URL!], {
      maxBuffer: 1024 * 1024 * 1024,
    });
    expect(dump).toContain(restrictedIncident);
    expect(dump).toContain(restrictedCase);
    expect(findPlanted('pg_dump --data-only', dump, PLANTED)).toEqual([]);
  });
});
