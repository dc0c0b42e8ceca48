import request from 'supertest';
import type { Role } from '#auth';
import type { ConfidentialityLevel } from '#contracts';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { eventually } from '../support/eventually.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';

/** A country no other test reports in, so every figure and list below is this test's own. */
const COUNTRY = 'BW';
/** Botswana's region, where no other test records anything. */
const REGION = 'Southern Africa';
const OWNER = 'org-owner';
const OTHER = 'org-other';

const Roles: Role[] = ['officer', 'reporting', 'partner', 'admin'];
const Sides = ['own', 'other'] as const;
type Side = (typeof Sides)[number];
const Levels: ConfidentialityLevel[] = ['public', 'restricted', 'confidential'];

/** One incident a year, so `GET /statistics?year=` counts one confidentiality at a time. */
const yearOf: Record<ConfidentialityLevel, number> = { public: 2023, restricted: 2024, confidential: 2025 };

/**
 * The rules as the README's Security section and API tables state them, written out by hand
 * rather than computed with `isAllowed`, so the test is an independent statement of them.
 * - work: reads the record, changes it and its protected data;
 * - read: reads it, changes nothing (403);
 * - hidden: the record does not exist for the actor (404);
 * - none: the actor reads no records at all (the routes answer 403).
 */
type Access = 'work' | 'read' | 'hidden' | 'none';
const access: Record<Role, Record<Side, Record<ConfidentialityLevel, Access>>> = {
  officer: {
    own: { public: 'work', restricted: 'work', confidential: 'work' },
    other: { public: 'read', restricted: 'read', confidential: 'hidden' },
  },
  reporting: {
    own: { public: 'read', restricted: 'read', confidential: 'read' },
    other: { public: 'read', restricted: 'read', confidential: 'hidden' },
  },
  partner: {
    own: { public: 'none', restricted: 'none', confidential: 'none' },
    other: { public: 'none', restricted: 'none', confidential: 'none' },
  },
  admin: {
    own: { public: 'work', restricted: 'work', confidential: 'work' },
    other: { public: 'work', restricted: 'work', confidential: 'work' },
  },
};

/** The incidents, and the cases of the concerned State, a statistics answer counts. */
function countedIn(body: { totals: { incidents: number }; accountability: { byState: { cases: number }[] } }) {
  return { incidents: body.totals.incidents, cases: body.accountability.byState.reduce((sum, state) => sum + state.cases, 0) };
}

/** Whether the incident counts in the actor's statistics: partners count all that is not confidential. */
const counted: Record<Role, Record<Side, Record<ConfidentialityLevel, boolean>>> = {
  officer: {
    own: { public: true, restricted: true, confidential: true },
    other: { public: true, restricted: true, confidential: false },
  },
  reporting: {
    own: { public: true, restricted: true, confidential: true },
    other: { public: true, restricted: true, confidential: false },
  },
  partner: {
    own: { public: true, restricted: true, confidential: false },
    other: { public: true, restricted: true, confidential: false },
  },
  admin: {
    own: { public: true, restricted: true, confidential: true },
    other: { public: true, restricted: true, confidential: true },
  },
};

type Service = 'intake' | 'investigation' | 'reporting';
type Kind = 'read' | 'list' | 'work' | 'count';
interface Endpoint {
  service: Service;
  name: string;
  kind: Kind;
  /** The roles the route lets in at all (the README's API tables); the others get 403 before any record is looked up. */
  roles: Role[];
  /** What the call answers when it is allowed. */
  allowed: number;
}

const Readers: Role[] = ['officer', 'reporting', 'admin'];
const Workers: Role[] = ['officer', 'admin'];

const Endpoints: Endpoint[] = [
  { service: 'intake', name: 'GET /incidents/:id', kind: 'read', roles: Readers, allowed: 200 },
  { service: 'intake', name: 'GET /incidents?countryCode=', kind: 'list', roles: Readers, allowed: 200 },
  // The same value again: the access check runs, the incident does not change.
  { service: 'intake', name: 'PATCH /incidents/:id', kind: 'work', roles: Workers, allowed: 200 },
  { service: 'intake', name: 'GET /incidents/:id/protected-data', kind: 'work', roles: Workers, allowed: 200 },
  // The same body again.
  { service: 'intake', name: 'PUT /incidents/:id/protected-data', kind: 'work', roles: Workers, allowed: 204 },
  { service: 'investigation', name: 'GET /cases/:id', kind: 'read', roles: Readers, allowed: 200 },
  { service: 'investigation', name: 'GET /cases?countryCode=', kind: 'list', roles: Readers, allowed: 200 },
  // No request was sent to the State yet: whoever may work the case passes the access check and meets the workflow's 409.
  { service: 'investigation', name: 'POST /cases/:id/concerned-states/:code/acknowledgement', kind: 'work', roles: Workers, allowed: 409 },
  { service: 'investigation', name: 'GET /cases/:id/protected-data', kind: 'work', roles: Workers, allowed: 200 },
  { service: 'investigation', name: 'PUT /cases/:id/protected-data', kind: 'work', roles: Workers, allowed: 204 },
  { service: 'reporting', name: 'GET /statistics?region=&year=', kind: 'count', roles: [...Readers, 'partner'], allowed: 200 },
];

interface Row {
  label: string;
  endpoint: Endpoint;
  role: Role;
  side: Side;
  level: ConfidentialityLevel;
  status: number;
  /** Lists: whether the record is among the items; statistics: the incidents (and cases) counted. */
  listed?: boolean;
  count?: number;
}

function expectation(endpoint: Endpoint, role: Role, side: Side, level: ConfidentialityLevel): Omit<Row, 'label'> {
  const row = { endpoint, role, side, level };
  if (!endpoint.roles.includes(role)) return { ...row, status: 403 };
  const what = access[role][side][level];
  switch (endpoint.kind) {
    case 'count':
      return { ...row, status: 200, count: counted[role][side][level] ? 1 : 0 };
    case 'list':
      return { ...row, status: 200, listed: what !== 'hidden' };
    case 'read':
      return { ...row, status: what === 'hidden' ? 404 : endpoint.allowed };
    case 'work':
      return { ...row, status: what === 'hidden' ? 404 : what === 'work' ? endpoint.allowed : 403 };
  }
}

const rows: Row[] = Endpoints.flatMap((endpoint) =>
  Roles.flatMap((role) =>
    Sides.flatMap((side) =>
      Levels.map((level) => {
        const expected = expectation(endpoint, role, side, level);
        const shown =
          expected.count !== undefined ? `, counts ${expected.count}` : expected.listed !== undefined ? `, listed ${expected.listed}` : '';
        return { label: `${endpoint.name} as ${role} of the ${side} organisation, ${level}: ${expected.status}${shown}`, ...expected };
      }),
    ),
  ),
);

const incidentProtectedData = {
  perpetratorName: 'Commander Matrixwell',
  victims: [{ name: 'Tebogo Matrix-Quill', staffId: 'STAFF-MX-4411', harm: 'killed', status: 'national', gender: 'male' }],
  witnesses: [{ name: 'Witness Orla Gridstone', testimony: 'Two trucks at the checkpoint' }],
};
const caseProtectedData = {
  survivors: [{ name: 'Naledi Matrix-Fern', supportKinds: ['legal_aid', 'medical_care'] }],
  accused: [{ name: 'Accused Pell Tabular' }],
};

describe('authorization matrix: role × organisation × confidentiality × endpoint, across the three services', () => {
  let intake: RunningService;
  let investigation: RunningService;
  let reporting: RunningService;
  const owningOfficer = tokenFor('officer', OWNER, 'matrix-officer-owner');
  const admin = tokenFor('admin', OWNER, 'matrix-admin-owner');
  const tokens: Record<Role, Record<Side, string>> = Object.fromEntries(
    Roles.map((role) => [role, { own: tokenFor(role, OWNER, `matrix-${role}-own`), other: tokenFor(role, OTHER, `matrix-${role}-other`) }]),
  ) as Record<Role, Record<Side, string>>;

  /** Per confidentiality: the incident and its case, with the ETags they had before the matrix. */
  const records = {} as Record<ConfidentialityLevel, { incidentId: string; incidentEtag: string; caseId: string; caseEtag: string }>;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    // The matrix sends a few hundred requests from one address.
    const limits = { RATE_LIMIT_PER_MINUTE: '100000', RATE_LIMIT_PER_IP_PER_MINUTE: '100000' };
    intake = await startService('incident-intake', limits, '.stack/logs/e2e-incident-intake-matrix.log');
    [investigation, reporting] = await Promise.all([
      startService(
        'investigation-tracking',
        { ...limits, INCIDENT_INTAKE_URL: intake.url },
        '.stack/logs/e2e-investigation-tracking-matrix.log',
      ),
      startService('council-reporting', limits, '.stack/logs/e2e-council-reporting-matrix.log'),
    ]);

    for (const level of Levels) {
      const reported = await request(intake.url)
        .post('/incidents')
        .set(as(owningOfficer))
        .send({
          ...reportIncidentBody({ countryCode: COUNTRY, occurredOn: `${yearOf[level]}-03-14`, confidentiality: level }),
          protected: incidentProtectedData,
        })
        .expect(201);
      // Killed personnel: verification opens a case by policy.
      const verified = await request(intake.url).post(`/incidents/${reported.body.id}/verify`).set(as(owningOfficer)).expect(200);
      const opened = await eventually(async () => {
        const found = await request(investigation.url).get('/cases').query({ incidentId: reported.body.id }).set(as(admin)).expect(200);
        expect(found.body.items).toHaveLength(1);
        return found.body.items[0];
      });
      expect(opened).toMatchObject({ owningOrganisation: OWNER, confidentiality: level, concernedStateCodes: [COUNTRY] });
      await request(investigation.url).put(`/cases/${opened.id}/protected-data`).set(as(owningOfficer)).send(caseProtectedData).expect(204);
      const caseRead = await request(investigation.url).get(`/cases/${opened.id}`).set(as(owningOfficer)).expect(200);
      records[level] = {
        incidentId: reported.body.id,
        incidentEtag: verified.headers.etag,
        caseId: opened.id,
        caseEtag: caseRead.headers.etag,
      };
    }

    await eventually(async () => {
      const cases = await request(investigation.url).get('/cases').query({ countryCode: COUNTRY }).set(as(admin)).expect(200);
      expect(cases.body.items).toHaveLength(3);
      const figures = await request(reporting.url).get('/statistics').query({ concernedState: COUNTRY }).set(as(admin)).expect(200);
      expect(countedIn(figures.body)).toEqual({ incidents: 3, cases: 3 });
    });
  });

  afterAll(async () => {
    await Promise.all([intake, investigation, reporting].filter(Boolean).map((service) => service.stop()));
  });

  function send({ endpoint, role, side, level }: Row) {
    const token = tokens[role][side];
    const { incidentId, incidentEtag, caseId, caseEtag } = records[level];
    switch (endpoint.name) {
      case 'GET /incidents/:id':
        return request(intake.url).get(`/incidents/${incidentId}`).set(as(token));
      case 'GET /incidents?countryCode=':
        return request(intake.url).get('/incidents').query({ countryCode: COUNTRY, limit: 200 }).set(as(token));
      case 'PATCH /incidents/:id':
        return request(intake.url)
          .patch(`/incidents/${incidentId}`)
          .set(as(token))
          .set('If-Match', incidentEtag)
          .send({ meansOfAttack: 'shooting', reason: 'Authorization matrix: the same value again' });
      case 'GET /incidents/:id/protected-data':
        return request(intake.url).get(`/incidents/${incidentId}/protected-data`).set(as(token));
      case 'PUT /incidents/:id/protected-data':
        return request(intake.url).put(`/incidents/${incidentId}/protected-data`).set(as(token)).send(incidentProtectedData);
      case 'GET /cases/:id':
        return request(investigation.url).get(`/cases/${caseId}`).set(as(token));
      case 'GET /cases?countryCode=':
        return request(investigation.url).get('/cases').query({ countryCode: COUNTRY }).set(as(token));
      case 'POST /cases/:id/concerned-states/:code/acknowledgement':
        return request(investigation.url)
          .post(`/cases/${caseId}/concerned-states/${COUNTRY}/acknowledgement`)
          .set(as(token))
          .set('If-Match', caseEtag)
          .send({ receivedOn: '2026-01-10' });
      case 'GET /cases/:id/protected-data':
        return request(investigation.url).get(`/cases/${caseId}/protected-data`).set(as(token));
      case 'PUT /cases/:id/protected-data':
        return request(investigation.url).put(`/cases/${caseId}/protected-data`).set(as(token)).send(caseProtectedData);
      // By region, which partner figures never fold into "other" as they fold a country–year of one incident.
      case 'GET /statistics?region=&year=':
        return request(reporting.url).get('/statistics').query({ region: REGION, year: yearOf[level] }).set(as(token));
      default:
        throw new Error(`No request for ${endpoint.name}`);
    }
  }

  it.each(rows)('$label', async (row) => {
    const response = await send(row);
    const { incidentId, caseId } = records[row.level];
    // Compared as one object, so a failing row names everything that differs.
    const got: Record<string, unknown> = { status: response.status };
    const wanted: Record<string, unknown> = { status: row.status };
    if (row.listed !== undefined && response.status === 200) {
      const ids = (response.body.items as { id: string }[]).map((item) => item.id);
      got.listed = ids.includes(row.endpoint.service === 'intake' ? incidentId : caseId);
      wanted.listed = row.listed;
    }
    if (row.count !== undefined && response.status === 200) {
      got.counted = countedIn(response.body);
      wanted.counted = { incidents: row.count, cases: row.count };
    }
    if (row.status === 409) {
      got.message = response.body.message;
      wanted.message = expect.stringContaining('acknowledge is not allowed');
    }
    expect(got).toEqual(wanted);
  });

  it('leaves every incident, case and protected record as it was', async () => {
    for (const level of Levels) {
      const { incidentId, incidentEtag, caseId, caseEtag } = records[level];
      const incident = await request(intake.url).get(`/incidents/${incidentId}`).set(as(owningOfficer)).expect(200);
      expect({ level, etag: incident.headers.etag }).toEqual({ level, etag: incidentEtag });
      const history = await request(intake.url).get(`/incidents/${incidentId}/history`).set(as(owningOfficer)).expect(200);
      expect(history.body.map((entry: { change: string }) => entry.change)).toEqual(['reported', 'verified']);
      const incidentData = await request(intake.url).get(`/incidents/${incidentId}/protected-data`).set(as(owningOfficer)).expect(200);
      expect(incidentData.body).toEqual(incidentProtectedData);

      const found = await request(investigation.url).get(`/cases/${caseId}`).set(as(owningOfficer)).expect(200);
      expect({ level, etag: found.headers.etag, stage: found.body.stage }).toEqual({ level, etag: caseEtag, stage: 'opened' });
      const caseData = await request(investigation.url).get(`/cases/${caseId}/protected-data`).set(as(owningOfficer)).expect(200);
      expect(caseData.body).toEqual(caseProtectedData);
    }
  });
});
