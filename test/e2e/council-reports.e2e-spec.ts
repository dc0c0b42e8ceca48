import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mammoth from 'mammoth';
import pg from 'pg';
import request from 'supertest';
import { Topics } from '#contracts';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { clockEnv } from '../support/clock.js';
import { eventually } from '../support/eventually.js';
import { findPlanted } from '../support/planted-strings.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';
import { TopicReader } from '../support/topic-reader.js';

// A concerned State and years (2018, 2019) no other test uses: the figures below hold only what this file made.
const STATE = 'AO';
const ORG = 'org-council';
const VICTIM = 'Lucinda Mbalavala-Quintero';
const WITNESS = 'Tobias Ngunza-Farrokh';
const PERPETRATOR = 'Commander Ezequiel Tchimbanda';
const Formats = ['json', 'md', 'html', 'pdf', 'docx', 'csv'] as const;

/**
 * Council reports through the running system: incidents reported and verified in intake, a
 * case worked in investigation-tracking, figures and drill-down in council-reporting, then a
 * report job, its six formats opened for real, its announcement on the topic, its failure
 * and retry, and the errors a person can act on.
 */
describe('council reports, end to end', () => {
  let intake: RunningService;
  let investigation: RunningService;
  let reporting: RunningService;
  let reader: TopicReader;
  const officer = tokenFor('officer', ORG);
  const staff = tokenFor('reporting', ORG);
  const partner = tokenFor('partner', 'org-partner');
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const incidents: Record<string, { id: string; reference: string }> = {};
  let caseReference: string;

  async function report(name: string, overrides: Record<string, unknown>, verify = true) {
    const created = await request(intake.url)
      .post('/incidents')
      .set(as(officer))
      .send({
        ...reportIncidentBody({ countryCode: STATE, ...overrides }),
        protected: {
          perpetratorName: PERPETRATOR,
          victims: [{ name: VICTIM, harm: 'killed', status: 'national' }],
          witnesses: [{ name: WITNESS }],
        },
      })
      .expect(201);
    if (verify) await request(intake.url).post(`/incidents/${created.body.id}/verify`).set(as(officer)).expect(200);
    incidents[name] = { id: created.body.id, reference: created.body.reference };
  }

  async function completed(location: string, token = staff) {
    return eventually(
      async () => {
        const job = await request(reporting.url).get(location).set(as(token)).expect(200);
        expect(job.body.status).toBe('completed');
        return job.body;
      },
      { timeoutMs: 60000 },
    );
  }

  beforeAll(async () => {
    [intake, investigation, reporting] = await Promise.all([
      startService('incident-intake'),
      startService('investigation-tracking'),
      // Short enough that a report blocked by a lock fails within the test, long enough for every honest query.
      startService('council-reporting', { DATABASE_STATEMENT_TIMEOUT_MS: '4000' }),
    ]);
    reader = await TopicReader.open(Topics.reports);

    await report('killing', {
      occurredOn: '2019-03-10',
      personnel: [
        { harm: 'killed', status: 'national', count: 2 },
        { harm: 'killed', status: 'international', count: 1 },
        { harm: 'wounded', status: 'national', count: 1 },
      ],
      assets: [{ type: 'vehicle', un: true, damage: 'destroyed' }],
    });
    await report('kidnapping', { occurredOn: '2019-09-01', personnel: [{ harm: 'kidnapped', status: 'national', count: 3 }], assets: [] });
    await report('earlier', { occurredOn: '2018-05-01', personnel: [{ harm: 'killed', status: 'national', count: 1 }], assets: [] });
    await report(
      'rejected',
      { occurredOn: '2019-05-05', personnel: [{ harm: 'killed', status: 'national', count: 2 }], assets: [] },
      false,
    );
    await request(intake.url)
      .post(`/incidents/${incidents.rejected!.id}/reject`)
      .set(as(officer))
      .send({ reason: 'not_credible', explanation: 'The source withdrew it' })
      .expect(200);

    // The killing opened a case by policy; the State is asked and acknowledges (recommendation 6.1).
    const opened = await eventually(async () => {
      const found = await request(investigation.url)
        .get('/cases')
        .query({ incidentId: incidents.killing!.id })
        .set(as(officer))
        .expect(200);
      expect(found.body.items).toHaveLength(1);
      return found.body.items[0];
    });
    caseReference = opened.reference;
    const path = `/cases/${opened.id}/concerned-states/${STATE}`;
    let etag = (await request(investigation.url).get(`/cases/${opened.id}`).set(as(officer)).expect(200)).headers.etag;
    etag = (
      await request(investigation.url)
        .post(`${path}/request`)
        .set(as(officer))
        .set('If-Match', etag)
        .send({ requestedOn: '2019-03-20', channel: 'note_verbale', addresseeAuthority: 'Procuradoria-Geral da República' })
        .expect(200)
    ).headers.etag;
    await request(investigation.url)
      .post(`${path}/acknowledgement`)
      .set(as(officer))
      .set('If-Match', etag)
      .send({ receivedOn: '2019-03-25' })
      .expect(200);

    // The tests below read these figures, in any order: wait until council-reporting has projected all of the above.
    await eventually(async () => {
      const response = await statistics({ concernedState: STATE, year: '2019' });
      expect(response.body.accountability.byState).toEqual([
        expect.objectContaining({ stateCode: STATE, cases: 2, requestsMade: 1, requestsAcknowledged: 1 }),
      ]);
      expect(response.body.totals).toEqual({ incidents: 2, people: 7, countries: 1 });
      // The report compares with 2018: its incident may come in on another partition, later.
      expect((await statistics({ concernedState: STATE, year: '2018' })).body.totals.incidents).toBe(1);
    });
  });

  afterAll(async () => {
    await reader?.close();
    await Promise.all([intake, investigation, reporting].map((service) => service?.stop()));
  });

  const statistics = (query: Record<string, string>, token = staff) =>
    request(reporting.url).get('/statistics').query(query).set(as(token)).expect(200);

  it('gives the figures of 2019 with a drill-down to the incidents and cases behind each', async () => {
    const figures = await eventually(async () => {
      const response = await statistics({ concernedState: STATE, year: '2019', groupBy: 'harm,personnel' });
      expect(response.body.accountability.byState).toEqual([
        // The kidnapping opened a case too (opening policy); only the killing's State was asked so far.
        expect.objectContaining({ stateCode: STATE, cases: 2, requestsMade: 1, requestsAcknowledged: 1 }),
      ]);
      expect(response.body.totals).toEqual({ incidents: 2, people: 7, countries: 1 });
      return response.body;
    });
    expect(figures.rows.map(({ group, people }: { group: object; people: number }) => ({ ...group, people }))).toEqual([
      { harm: 'kidnapped', personnel: 'national', people: 3 },
      { harm: 'killed', personnel: 'international', people: 1 },
      { harm: 'killed', personnel: 'national', people: 2 },
      { harm: 'wounded', personnel: 'national', people: 1 },
    ]);

    const killedNationals = figures.rows.find(
      (row: { group: { harm: string; personnel: string } }) => row.group.harm === 'killed' && row.group.personnel === 'national',
    );
    const behind = await request(reporting.url).get(killedNationals.drillDown).set(as(staff)).expect(200);
    expect(behind.body).toMatchObject({ measure: 'incidents', records: 'incidents', figure: 1, total: 1, nextCursor: null });
    expect(behind.body.items).toEqual([incidents.killing]);

    const requests = await request(reporting.url).get(figures.accountability.byState[0].drillDown.requestsMade).set(as(staff)).expect(200);
    expect(requests.body).toMatchObject({ records: 'cases', figure: 1, total: 1 });
    expect(requests.body.items.map((item: { reference: string }) => item.reference)).toEqual([caseReference]);
  });

  it('shows partners small cells as "<5", a country–year of fewer than 3 incidents as "other", and no drill-down', async () => {
    // Angola has two incidents in 2019: partners find them only within "other", even when they ask for Angola.
    const byCountry = await statistics({ year: '2019', groupBy: 'country' }, partner);
    expect(byCountry.body.disclosure).toBe('partner');
    expect(byCountry.body.rows.map((row: { group: { country: string } }) => row.group.country)).not.toContain(STATE);
    expect(byCountry.body.rows).toContainEqual(expect.objectContaining({ group: { country: 'other' } }));
    expect((await statistics({ concernedState: STATE, year: '2019' }, partner)).body.totals.incidents).toBe(0);
    expect((await statistics({ concernedState: STATE, year: '2019' })).body.totals.incidents).toBe(2);
    const kidnapped = { region: 'Middle Africa', year: '2019', harm: 'kidnapped' };
    expect((await statistics(kidnapped)).body.totals.people).toBe(3);
    expect((await statistics(kidnapped, partner)).body.totals.people).toBe('<5');
    expect((await statistics(kidnapped, partner)).body.rows[0].drillDown).toBeUndefined();
    await request(reporting.url).get('/statistics/drill-down').query({ concernedState: STATE }).set(as(partner)).expect(403);
  });

  it('exports the figures as HXL-tagged CSV', async () => {
    const csv = await request(reporting.url)
      .get('/statistics/hxl')
      .query({ concernedState: STATE, year: '2019', groupBy: 'country,year' })
      .set(as(staff))
      .expect(200)
      .expect('Content-Type', /text\/csv/);
    const [header, tags, row] = csv.text
      .trim()
      .split('\n')
      .map((line) => line.split(','));
    expect(tags!.slice(0, 3)).toEqual(['#country+code', '#date+year', '#event+num']);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect([
      cell('country'),
      cell('year'),
      cell('incidents'),
      cell('killed_national'),
      cell('killed_international'),
      cell('kidnapped_national'),
    ]).toEqual([STATE, '2019', '2', '2', '1', '3']);
    expect(tags![header!.indexOf('killed_national')]).toBe('#affected+killed+national');
  });

  describe('a report of 2019 on the concerned State', () => {
    let job: {
      id: string;
      reference: string;
      files: { format: string; sha256: string; href: string }[];
      watermark: { asOf: string; positions: object[] };
    };
    const downloads: Record<string, Buffer> = {};
    const texts: Record<string, string> = {};
    let folder: string;

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'council-report-'));
      const requested = await request(reporting.url)
        .post('/reports')
        .set(as(staff))
        .send({ period: '2019', scope: 'concerned_state', scopeCode: STATE })
        .expect(202);
      expect(requested.headers.location).toBe(`/reports/${requested.body.id}`);
      expect(requested.body).toMatchObject({
        reference: expect.stringMatching(/^RPT-\d{4}-\d{6}$/),
        request: { scope: { name: 'Angola' } },
      });
      job = await completed(requested.headers.location);
      for (const format of Formats) {
        const response = await request(reporting.url)
          .get(`/reports/${job.id}/download`)
          .query({ format })
          .set(as(staff))
          .buffer(true)
          .parse((res, done) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => done(null, Buffer.concat(chunks)));
          })
          .expect(200);
        downloads[format] = response.body as Buffer;
        expect(response.headers.etag).toBe(`"${createHash('sha256').update(downloads[format]!).digest('hex')}"`);
      }
      writeFileSync(join(folder, 'report.pdf'), downloads.pdf!);
      texts.pdf = execFileSync('pdftotext', ['-layout', join(folder, 'report.pdf'), '-']).toString();
      texts.docx = (await mammoth.extractRawText({ buffer: downloads.docx! })).value;
      for (const format of ['json', 'md', 'html', 'csv']) texts[format] = downloads[format]!.toString('utf8');
    });

    afterAll(() => rmSync(folder, { recursive: true, force: true }));

    it('lists six files, each with the SHA-256 of what is downloaded', () => {
      expect(job.files.map((file) => file.format).sort()).toEqual([...Formats].sort());
      for (const file of job.files) expect(file.sha256).toBe(createHash('sha256').update(downloads[file.format]!).digest('hex'));
    });

    it('holds the figures of the period, the previous one, the State and the case', () => {
      const data = JSON.parse(texts.json!);
      expect(data.attacks.current).toMatchObject({
        incidents: 2,
        countries: 1,
        affected: { national: 6, international: 1, total: 7 },
        byHarm: { killed: { national: 2, international: 1, total: 3 }, kidnapped: { national: 3, international: 0, total: 3 } },
      });
      expect(data.attacks.previous).toMatchObject({ incidents: 1, byHarm: { killed: { total: 1 } } });
      expect(data.attacks.premises).toEqual([{ assetType: 'vehicle', incidents: 1, unIncidents: 1, destroyedIncidents: 1 }]);
      expect(data.accountability.byState).toEqual([
        expect.objectContaining({ stateCode: STATE, stateName: 'Angola', requestsMade: 1, requestsAcknowledged: 1 }),
      ]);
      expect(data.annex).toEqual([
        expect.objectContaining({
          reference: caseReference,
          stateCode: STATE,
          stage: 'state_acknowledged',
          daysSinceRequest: expect.any(Number),
        }),
        expect.objectContaining({ stateCode: STATE, stage: 'opened', daysSinceRequest: null }),
      ]);
      expect(data.watermark.positions.length).toBeGreaterThan(0);
      expect(data.watermark.asOf).toBe(job.watermark.asOf);
    });

    it.each(['md', 'html', 'pdf', 'docx'])('reads, in %s, the headings, the killings of the year and the case', (format) => {
      const text = texts[format]!.replace(/\s+/g, ' ');
      for (const expected of ['Introduction', 'Investigations and accountability', 'Observations', 'Annex', caseReference, 'Angola']) {
        expect({ format, expected, found: text.includes(expected) }).toEqual({ format, expected, found: true });
      }
      expect(text).toMatch(/3 humanitarian personnel were killed/);
    });

    it('carries no name of a victim, witness or perpetrator in any format', () => {
      const leaks = Object.entries(texts).flatMap(([format, text]) => findPlanted(format, text, [VICTIM, WITNESS, PERPETRATOR]));
      expect(leaks).toEqual([]);
    });

    it('comes out byte for byte the same when generated again from the topics up to its watermark, whatever came after', async () => {
      // An incident of the same period and State after the report: the replay must stop before it. Not verified, so
      // it opens no case, and rejected at the end, so the other tests find the figures of 2019 as they were, in any order.
      await report('later', { occurredOn: '2019-11-20', personnel: [{ harm: 'killed', status: 'national', count: 1 }], assets: [] }, false);
      try {
        await eventually(async () => expect((await statistics({ concernedState: STATE, year: '2019' })).body.totals.incidents).toBe(3));
        const reproduced = spawnSync(process.execPath, ['dist/apps/council-reporting/src/reports/reproduce-report.cli.js', job.id], {
          env: { ...process.env, ...clockEnv() },
          encoding: 'utf8',
        });
        expect({ status: reproduced.status, stderr: reproduced.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
        expect(reproduced.stdout).toContain('Reproduced byte for byte.');
        for (const format of ['json', 'md', 'csv', 'html', 'pdf'])
          expect(reproduced.stdout).toMatch(new RegExp(`${format} +${job.files.find((file) => file.format === format)!.sha256} same`));

        // A new report of the same request takes the later incident in: the watermark is what made the first one reproducible.
        const again = await request(reporting.url)
          .post('/reports')
          .set(as(staff))
          .send({ period: '2019', scope: 'concerned_state', scopeCode: STATE })
          .expect(202);
        const newer = await completed(again.headers.location);
        const json = await request(reporting.url)
          .get(`${again.headers.location}/download`)
          .query({ format: 'json' })
          .set(as(staff))
          .expect(200);
        expect(JSON.parse(json.text).attacks.current.incidents).toBe(3);
        expect(newer.watermark.positions).not.toEqual(job.watermark.positions);
      } finally {
        await request(intake.url)
          .post(`/incidents/${incidents.later!.id}/reject`)
          .set(as(officer))
          .send({ reason: 'not_credible', explanation: 'Reported only to follow the report' })
          .expect(200);
        await eventually(async () => expect((await statistics({ concernedState: STATE, year: '2019' })).body.totals.incidents).toBe(2));
      }
    });

    it('is announced on the reports topic with its watermark and hashes, and no figure', async () => {
      const announced = await eventually(async () => {
        const found = reader.messages.find((message) => message.key === job.id);
        expect(found).toBeDefined();
        return JSON.parse(found!.value!);
      });
      expect(announced).toMatchObject({
        reportId: job.id,
        reference: job.reference,
        period: { label: '2019' },
        scope: { kind: 'concerned_state', code: STATE },
      });
      expect(announced.watermark.asOf).toBe(job.watermark.asOf);
      expect(Object.fromEntries(announced.files.map((file: { format: string; sha256: string }) => [file.format, file.sha256]))).toEqual(
        Object.fromEntries(job.files.map((file) => [file.format, file.sha256])),
      );
      expect(JSON.stringify(announced)).not.toMatch(/attacks|byHarm|annex/);
    });
  });

  it('records why a job failed, and generates it when retried', async () => {
    // A lock held on a read model makes the job's reads time out: a real failure, not a simulated one.
    const locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE reporting.case_state IN ACCESS EXCLUSIVE MODE');
      const requested = await request(reporting.url)
        .post('/reports')
        .set(as(staff))
        .send({ period: '2019H1', scope: 'region', scopeCode: 'Middle Africa' })
        .expect(202);
      const failed = await eventually(
        async () => {
          const found = await request(reporting.url).get(requested.headers.location).set(as(staff)).expect(200);
          expect(found.body.status).toBe('failed');
          return found.body;
        },
        { timeoutMs: 60000 },
      );
      expect(failed.failure).toMatch(/statement timeout/);
      await request(reporting.url).get(`${requested.headers.location}/download`).query({ format: 'pdf' }).set(as(staff)).expect(409);
      await locker.query('ROLLBACK');

      const retried = await request(reporting.url).post(`${requested.headers.location}/retry`).set(as(staff)).expect(202);
      expect(['queued', 'running', 'completed']).toContain(retried.body.status);
      const done = await completed(requested.headers.location);
      expect(done).toMatchObject({ attempts: 2, failure: null, progress: 100 });
      await request(reporting.url).post(`${requested.headers.location}/retry`).set(as(staff)).expect(409);
    } finally {
      await locker.end();
    }
  });

  it.each([
    { body: { period: '2019H3', scope: 'all' }, field: 'period' },
    { body: { period: '2019', scope: 'galaxy' }, field: 'scope' },
    { body: { period: '2019', scope: 'region' }, field: 'scopeCode' },
    { body: { period: '2019', scope: 'concerned_state', scopeCode: 'QQ' }, field: 'scopeCode' },
    { body: { period: '2019', scope: 'all', language: 'tlh' }, field: 'language' },
  ])('refuses a report request naming $field: $body', async ({ body, field }) => {
    const refused = await request(reporting.url).post('/reports').set(as(staff)).send(body).expect(400);
    expect(refused.body.details.map((detail: { field: string }) => detail.field)).toContain(field);
  });

  it('refuses a format it does not have, other roles, and reports of other organisations', async () => {
    const requested = await request(reporting.url).post('/reports').set(as(staff)).send({ period: '2018', scope: 'all' }).expect(202);
    const bad = await request(reporting.url)
      .get(`${requested.headers.location}/download`)
      .query({ format: 'xls' })
      .set(as(staff))
      .expect(400);
    expect(bad.body.details).toEqual([expect.objectContaining({ field: 'format' })]);
    for (const token of [partner, officer])
      await request(reporting.url).post('/reports').set(as(token)).send({ period: '2019', scope: 'all' }).expect(403);
    await request(reporting.url)
      .get(requested.headers.location)
      .set(as(tokenFor('reporting', 'org-other')))
      .expect(404);
    await request(reporting.url)
      .get(requested.headers.location)
      .set(as(tokenFor('admin', 'org-admin')))
      .expect(200);
    await request(reporting.url).get('/statistics').query({ period: '2019Q5' }).set(as(staff)).expect(400);
    await request(reporting.url).get('/statistics').query({ groupBy: 'country,planet' }).set(as(staff)).expect(400);
    const both = await request(reporting.url)
      .get('/statistics')
      .query({ period: '2019', from: '2019-01-01', to: '2019-02-01' })
      .set(as(staff))
      .expect(400);
    expect(both.body.details).toEqual([expect.objectContaining({ field: 'period' })]);
  });
});
