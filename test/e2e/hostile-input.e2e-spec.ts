import request from 'supertest';
import type { DataSource } from 'typeorm';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { openTestDataSource } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';

const ORG = 'org-hostile';
const VICTIM = 'Nadia Okwuosa-Vell';
const protectedBody = {
  perpetratorName: 'Commander Greyheron',
  victims: [{ name: VICTIM, harm: 'killed', status: 'national' }],
  witnesses: [],
};

/** JSON nested `levels` deep, written as text: building it as an object would overflow JSON.stringify. */
function deepJson(levels: number): string {
  return `{"incidentIds":${'['.repeat(levels)}${']'.repeat(levels)}}`;
}

/** Fills optional trailing cells: Jest passes a done callback to a test with more parameters than its row has cells. */
function padded<Row extends unknown[]>(table: Row[], length: number): Row[] {
  return table.map((row) => [...row, ...Array<undefined>(length - row.length).fill(undefined)] as Row);
}

describe('hostile input is refused by the HTTP bootstrap every service shares', () => {
  let intake: RunningService;
  let investigation: RunningService;
  let council: RunningService;
  let intakeData: DataSource;
  let incidentId: string;
  let incidentEtag: string;
  const officer = tokenFor('officer', ORG, 'officer-hana');

  const urlOf = (service: 'intake' | 'investigation' | 'council') =>
    ({ intake: intake.url, investigation: investigation.url, council: council.url })[service];

  async function incidentCount(): Promise<number> {
    const [{ count }] = await intakeData.query('SELECT count(*)::int AS count FROM intake.incident');
    return count;
  }

  async function readProtectedData(): Promise<unknown> {
    return (await request(intake.url).get(`/incidents/${incidentId}/protected-data`).set('Authorization', `Bearer ${officer}`).expect(200))
      .body;
  }

  /** An incident of its own, for a test that changes one: the refusal tests check that the shared one stays as it was. */
  async function reportedIncident(): Promise<{ id: string; etag: string }> {
    const reported = await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send({ ...reportIncidentBody({ countryCode: 'KM' }), protected: protectedBody })
      .expect(201);
    return { id: reported.body.id, etag: reported.headers.etag };
  }

  beforeAll(async () => {
    [intake, council] = await Promise.all([startService('incident-intake'), startService('council-reporting')]);
    investigation = await startService('investigation-tracking', { INCIDENT_INTAKE_URL: intake.url });
    intakeData = await openTestDataSource('intake');
    ({ id: incidentId, etag: incidentEtag } = await reportedIncident());
  });

  afterAll(async () => {
    await intakeData.destroy();
    await Promise.all([intake.stop(), investigation.stop(), council.stop()]);
  });

  describe('media types', () => {
    /** [what, service, method, path, Content-Type (none if undefined), body, If-Match] */
    const wrongTypes: [string, 'intake' | 'investigation', string, () => string, string | undefined, string, (() => string)?][] = [
      ['an incident as text/plain', 'intake', 'POST', () => '/incidents', 'text/plain', JSON.stringify(reportIncidentBody())],
      ['an incident as text/csv', 'intake', 'POST', () => '/incidents', 'text/csv', 'countryCode\nSD\n'],
      ['an incident without Content-Type', 'intake', 'POST', () => '/incidents', undefined, JSON.stringify(reportIncidentBody())],
      [
        'an amendment as text/plain',
        'intake',
        'PATCH',
        () => `/incidents/${incidentId}`,
        'text/plain',
        JSON.stringify({ countryCode: 'TD', reason: 'typo' }),
        () => incidentEtag,
      ],
      ['protected data as text/plain', 'intake', 'PUT', () => `/incidents/${incidentId}/protected-data`, 'text/plain', 'victims: none'],
      [
        'protected data as a form',
        'intake',
        'PUT',
        () => `/incidents/${incidentId}/protected-data`,
        'application/x-www-form-urlencoded',
        'a=b',
      ],
      ['a rejection as text/plain', 'intake', 'POST', () => `/incidents/${incidentId}/reject`, 'text/plain', 'not credible'],
      ['a JSON body where CSV is consumed', 'intake', 'POST', () => '/incidents/imports', 'application/json', '{"rows":[]}'],
      ['a case as text/plain', 'investigation', 'POST', () => '/cases', 'text/plain', JSON.stringify({ incidentIds: [] })],
    ];

    it.each(padded(wrongTypes, 7))(
      'refuses %s with 415 and changes nothing',
      async (_case, service, method, path, contentType, body, ifMatch) => {
        const incidentsBefore = await incidentCount();
        const headers: Record<string, string> = { Authorization: `Bearer ${officer}` };
        if (contentType) headers['Content-Type'] = contentType;
        if (ifMatch) headers['If-Match'] = ifMatch();
        // fetch with a byte body sends no Content-Type of its own.
        const response = await fetch(`${urlOf(service)}${path()}`, { method, headers, body: new TextEncoder().encode(body) });
        expect(response.status).toBe(415);
        const answer = await response.json();
        expect(answer).toEqual({
          statusCode: 415,
          error: 'Unsupported Media Type',
          message: expect.stringMatching(/^Send the request body as /),
        });
        expect(await incidentCount()).toBe(incidentsBefore);
      },
    );

    it('leaves protected data and the incident as they were after the refused writes', async () => {
      expect(await readProtectedData()).toEqual(protectedBody);
      const read = await request(intake.url).get(`/incidents/${incidentId}`).set('Authorization', `Bearer ${officer}`).expect(200);
      expect(read.headers.etag).toBe(incidentEtag);
      expect(read.body.status).toBe('reported');
    });

    it('still lets the import take text/csv', async () => {
      // A CSV without the AWSD columns reaches the importer, which names what is missing.
      const response = await request(intake.url)
        .post('/incidents/imports')
        .set('Authorization', `Bearer ${officer}`)
        .set('Content-Type', 'text/csv')
        .send('a,b,c\n1,2,3\n');
      expect(response.status).toBe(422);
    });

    it('accepts JSON with a charset parameter', async () => {
      const { id } = await reportedIncident();
      await request(intake.url)
        .put(`/incidents/${id}/protected-data`)
        .set('Authorization', `Bearer ${officer}`)
        .set('Content-Type', 'application/json; charset=utf-8')
        .send(JSON.stringify(protectedBody))
        .expect(204);
    });

    it('lets a write without a body through without Content-Type', async () => {
      const { id, etag } = await reportedIncident();
      const response = await fetch(`${intake.url}/incidents/${id}/verify`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${officer}`, 'If-Match': etag },
      });
      expect(response.status).toBe(200);
      expect(((await response.json()) as { status: string }).status).toBe('verified');
    });
  });

  describe('JSON bodies and query strings', () => {
    /** [what, service, method, path, raw JSON body, message, field the details must name] */
    const refusals: [
      string,
      'intake' | 'investigation' | 'council',
      'POST' | 'PUT' | 'GET',
      () => string,
      string | undefined,
      RegExp,
      string?,
    ][] = [
      ['an incident nested 10,000 levels', 'intake', 'POST', () => '/incidents', deepJson(10_000), /nested deeper than 64 levels/],
      ['a case nested 10,000 levels', 'investigation', 'POST', () => '/cases', deepJson(10_000), /nested deeper than 64 levels/],
      [
        'NUL in a source name',
        'intake',
        'POST',
        () => '/incidents',
        JSON.stringify(reportIncidentBody({ sources: [{ name: 'Focal\u0000point', reliability: 'probably_true' }] })),
        /sources\.0\.name/,
        'sources.0.name',
      ],
      [
        'NUL in a victim name',
        'intake',
        'PUT',
        () => `/incidents/${incidentId}/protected-data`,
        JSON.stringify({ ...protectedBody, victims: [{ name: 'Nadia\u0000', harm: 'killed', status: 'national' }] }),
        /victims\.0\.name/,
        'victims.0.name',
      ],
      [
        'a lone surrogate in the perpetrator name',
        'intake',
        'PUT',
        () => `/incidents/${incidentId}/protected-data`,
        JSON.stringify({ ...protectedBody, perpetratorName: 'Commander \ud800' }),
        /perpetratorName/,
        'perpetratorName',
      ],
      ['NUL in an incident list filter', 'intake', 'GET', () => '/incidents?countryCode=S%00', undefined, /countryCode/, 'countryCode'],
      ['NUL in a case list cursor', 'investigation', 'GET', () => '/cases?cursor=%00', undefined, /cursor/, 'cursor'],
      ['NUL in a statistics filter', 'council', 'GET', () => '/statistics?country=%00', undefined, /country/, 'country'],
      [
        'malformed JSON quoting a victim',
        'intake',
        'PUT',
        () => `/incidents/${incidentId}/protected-data`,
        `{"victims":[{"name":"${VICTIM}" "harm":"killed"}]}`,
        /^The request body is not valid JSON$/,
      ],
      [
        'malformed JSON quoting a victim in a case',
        'investigation',
        'POST',
        () => '/cases',
        `{"note": ${VICTIM}}`,
        /^The request body is not valid JSON$/,
      ],
    ];

    it.each(padded(refusals, 7))(
      'refuses %s with 400, names the field and echoes nothing',
      async (_case, service, method, path, body, message, field) => {
        const incidentsBefore = await incidentCount();
        const response = await fetch(`${urlOf(service)}${path()}`, {
          method,
          headers: { Authorization: `Bearer ${officer}`, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          body,
        });
        const text = await response.text();
        expect(response.status).toBe(400);
        const answer = JSON.parse(text);
        expect(answer).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(message) });
        if (field) expect(answer.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
        expect(text).not.toContain('Nadia');
        expect(text).not.toContain('Greyheron');
        expect(await incidentCount()).toBe(incidentsBefore);
      },
    );

    it('answers a body over the limit with 413 without echoing it', async () => {
      const response = await request(intake.url)
        .put(`/incidents/${incidentId}/protected-data`)
        .set('Authorization', `Bearer ${officer}`)
        .send({ ...protectedBody, perpetratorName: `${VICTIM} `.repeat(20_000) })
        .expect(413);
      expect(response.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'The request body is too large' });
    });

    it('leaves the protected data as it was', async () => {
      expect(await readProtectedData()).toEqual(protectedBody);
    });
  });

  describe('security headers', () => {
    it.each([
      ['intake', '/health/live'],
      ['intake', '/incidents'],
      ['investigation', '/cases'],
      ['council', '/statistics'],
    ] as const)('are sent by %s on %s, answered or refused', async (service, path) => {
      const response = await request(urlOf(service)).get(path);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['x-powered-by']).toBeUndefined();
    });
  });
});

describe('rate limits of the shared HTTP bootstrap', () => {
  let intake: RunningService;
  const first = tokenFor('officer', ORG, 'officer-rita');
  const second = tokenFor('officer', ORG, 'officer-rolf');

  beforeAll(async () => {
    intake = await startService('incident-intake', { RATE_LIMIT_PER_MINUTE: '5', RATE_LIMIT_PER_IP_PER_MINUTE: '12' });
  });

  afterAll(async () => {
    await intake.stop();
  });

  const list = (token?: string) => {
    const call = request(intake.url).get('/incidents?limit=1');
    return token ? call.set('Authorization', `Bearer ${token}`) : call;
  };

  it('limits each token, then each address, answering 429 with Retry-After; health probes are not counted', async () => {
    for (let probe = 0; probe < 15; probe++) await request(intake.url).get('/health/live').expect(200);

    for (let call = 0; call < 5; call++) await list(first).expect(200);
    const limited = await list(first).expect(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(limited.body).toEqual({ statusCode: 429, error: 'Too Many Requests', message: expect.stringContaining('Retry-After') });

    // Another token has its own budget; the address has used 7 of its 12.
    await list(second).expect(200);
    // Requests without a token count against the address before they are refused as unauthenticated.
    for (let call = 0; call < 5; call++) await list().expect(401);
    const byAddress = await list().expect(429);
    expect(Number(byAddress.headers['retry-after'])).toBeGreaterThan(0);
    await list(second).expect(429);

    await eventually(async () => {
      await request(intake.url).get('/health/ready').expect(200);
    });
  });
});
