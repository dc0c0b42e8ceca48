import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { openTestDataSource } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { sharedDataFile } from '../support/shared-data.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';

const sample = (name: string) => readFileSync(sharedDataFile(name));
const expected: { per_year: Record<string, Record<string, number>> } = JSON.parse(sample('awsd-sample.expected.json').toString());

interface YearFigures {
  incidents: number;
  killed: number;
  wounded: number;
  kidnapped: number;
  detained: number;
  nationals: number;
  internationals: number;
  countries: number;
}

/** Per-year totals straight from a file's own Total columns: an independent reading of what import must reproduce. */
function totalsOfFile(name: string): Record<string, YearFigures> {
  const parsed: Record<string, string>[] = parse(sample(name), { columns: true, bom: true });
  const rows = parsed.filter((row) => !row['Incident ID'].startsWith('#'));
  const years: Record<string, YearFigures & { codes: Set<string> }> = {};
  for (const row of rows) {
    const year = (years[row.Year] ??= {
      incidents: 0,
      killed: 0,
      wounded: 0,
      kidnapped: 0,
      detained: 0,
      nationals: 0,
      internationals: 0,
      countries: 0,
      codes: new Set(),
    });
    const n = (column: string) => Number(row[column] || 0);
    year.incidents++;
    year.killed += n('Total killed');
    year.wounded += n('Total wounded');
    year.kidnapped += n('Total kidnapped');
    year.detained += n('Total detained');
    year.nationals += n('Total nationals');
    year.internationals += n('Total internationals');
    year.codes.add(row['Country Code'].trim());
  }
  return Object.fromEntries(Object.entries(years).map(([year, { codes, ...figures }]) => [year, { ...figures, countries: codes.size }]));
}

describe('importing AWSD exports reproduces their per-year totals in the statistics', () => {
  let intake: RunningService;
  let reporting: RunningService;
  let investigation: RunningService;
  let dataSource: DataSource;
  const officer = tokenFor('officer', 'org-imports');
  /** This file's incidents: the import int-spec imports AWSD rows of its own beside them. */
  const ours = `i.reporting_organisation = 'org-imports'`;
  const reportingStaff = tokenFor('reporting');

  const importFile = (body: Buffer | string, contentType = 'text/csv') =>
    request(intake.url).post('/incidents/imports').set('Authorization', `Bearer ${officer}`).set('Content-Type', contentType).send(body);

  async function statisticsFor(year: string): Promise<YearFigures> {
    const response = await request(reporting.url)
      .get('/statistics')
      .query({ year, groupBy: 'harm,personnel' })
      .set('Authorization', `Bearer ${reportingStaff}`)
      .expect(200);
    const rows: { group: { harm: string; personnel: string }; people: number }[] = response.body.rows;
    const people = (harm?: string, status?: string) =>
      rows
        .filter(({ group }) => (!harm || group.harm === harm) && (!status || group.personnel === status))
        .reduce((sum, row) => sum + row.people, 0);
    return {
      incidents: response.body.totals.incidents,
      killed: people('killed'),
      wounded: people('wounded'),
      kidnapped: people('kidnapped'),
      detained: people('detained'),
      nationals: people(undefined, 'national'),
      internationals: people(undefined, 'international'),
      countries: response.body.totals.countries,
    };
  }

  /** The same figures as a Council report of the year gives them, through its JSON. */
  async function reportFor(year: string): Promise<YearFigures> {
    const requested = await request(reporting.url)
      .post('/reports')
      .set('Authorization', `Bearer ${reportingStaff}`)
      .send({ period: year, scope: 'all' })
      .expect(202);
    await eventually(async () => {
      const job = await request(reporting.url).get(requested.headers.location).set('Authorization', `Bearer ${reportingStaff}`).expect(200);
      expect(job.body.status).toBe('completed');
    });
    const json = await request(reporting.url)
      .get(`${requested.headers.location}/download`)
      .query({ format: 'json' })
      .set('Authorization', `Bearer ${reportingStaff}`)
      .expect(200);
    const { current } = JSON.parse(json.text).attacks;
    return {
      incidents: current.incidents,
      killed: current.byHarm.killed.total,
      wounded: current.byHarm.wounded.total,
      kidnapped: current.byHarm.kidnapped.total,
      detained: current.byHarm.detained.total,
      nationals: current.affected.national,
      internationals: current.affected.international,
      countries: current.countries,
    };
  }

  async function expectStatistics(perYear: Record<string, Partial<YearFigures>>): Promise<void> {
    for (const [year, figures] of Object.entries(perYear)) {
      await eventually(async () => expect(await statisticsFor(year)).toMatchObject(figures));
    }
  }

  /**
   * Forget the imported incidents (all dated 2021-2024) in both services, so each file is
   * checked on its own; incidents of other tests stay in intake.
   */
  async function forgetImportedIncidents(): Promise<void> {
    // First let council-reporting take in every event already written, or a late one would bring a row back.
    await eventually(async () => {
      const [{ pending }] = await dataSource.query(
        `SELECT count(*)::int AS pending FROM intake.outbox o
         WHERE o.topic = 'accountability.incidents.v1' AND NOT EXISTS
           (SELECT 1 FROM reporting.inbox r WHERE r.consumer_group = 'council-reporting' AND r.event_id = o.id::text)`,
      );
      expect(pending).toBe(0);
    });
    const imported = `SELECT id FROM intake.incident i WHERE occurred_on < '2025-01-01' AND ${ours}`;
    await dataSource.transaction(async (manager) => {
      for (const table of ['incident_version', 'incident_protected_data', 'idempotency_key']) {
        await manager.query(`DELETE FROM intake.${table} WHERE incident_id IN (${imported})`);
      }
      await manager.query(`DELETE FROM intake.incident WHERE id IN (${imported})`);
      for (const table of ['personnel_figure', 'asset_figure']) {
        await manager.query(
          `DELETE FROM reporting.${table} WHERE incident_id IN (SELECT incident_id FROM reporting.incident_summary WHERE year < 2025)`,
        );
      }
      await manager.query('DELETE FROM reporting.incident_summary WHERE year < 2025');
    });
  }

  beforeAll(async () => {
    [intake, reporting, investigation] = await Promise.all([
      startService('incident-intake'),
      startService('council-reporting'),
      startService('investigation-tracking'),
    ]);
    dataSource = await openTestDataSource('intake');
  });

  afterAll(async () => {
    await dataSource.destroy();
    await Promise.all([intake.stop(), reporting.stop(), investigation.stop()]);
  });

  // One import of the sample, which each test of the block reads in any order (jest --randomize).
  describe('the 41-column sample, imported once', () => {
    let summary: request.Response;

    beforeAll(async () => {
      await forgetImportedIncidents();
      summary = await importFile(sample('awsd-sample.csv')).expect(200);
    });

    it('imports awsd-sample.csv (41 columns) and the statistics equal awsd-sample.expected.json', async () => {
      expect(summary.body).toMatchObject({ rows: 55, created: 55, alreadyImported: 0, failed: 0, errors: [] });
      // AWSD's own breakdowns exceed the people counted in some rows: kept, and flagged.
      expect(summary.body.warnings.length).toBeGreaterThan(0);
      await expectStatistics(expected.per_year);
      for (const [year, figures] of Object.entries(expected.per_year)) {
        expect(await reportFor(year)).toMatchObject(figures);
      }
      // The file's own totals agree with the expected ones: the two readings confirm each other.
      expect(
        Object.fromEntries(
          Object.entries(totalsOfFile('awsd-sample.csv')).map(([year, { detained: _detained, ...figures }]) => [year, figures]),
        ),
      ).toEqual(expected.per_year);
    });

    it('opens no case for imported history, not even when an officer verifies an imported killing', async () => {
      const awsd = `FROM intake.incident i JOIN investigation.incident_fact f ON f.incident_id = i.id WHERE i.external_source = 'awsd' AND ${ours}`;
      const [killing] = await dataSource.query(
        `SELECT id FROM intake.incident i WHERE external_source = 'awsd' AND ${ours} AND status = 'reported'
         AND EXISTS (SELECT 1 FROM jsonb_array_elements(details->'personnel') c WHERE c->>'harm' = 'killed' AND (c->>'count')::int > 0) LIMIT 1`,
      );
      await request(intake.url).post(`/incidents/${killing.id}/verify`).set('Authorization', `Bearer ${officer}`).expect(200);
      // investigation-tracking has taken in every imported incident, the verification included.
      await eventually(async () => {
        const [{ count, verified }] = await dataSource.query(
          `SELECT count(*)::int AS count, count(*) FILTER (WHERE f.status = 'verified')::int AS verified ${awsd}`,
        );
        expect({ count, verified }).toEqual({ count: 55, verified: 1 });
      });
      const [{ cases }] = await dataSource.query(
        `SELECT count(*)::int AS cases FROM investigation.case_incident c JOIN intake.incident i ON i.id = c.incident_id
         WHERE i.external_source = 'awsd' AND ${ours}`,
      );
      expect(cases).toBe(0);
    });

    it('creates nothing new when the same file is imported again', async () => {
      const summary = await importFile(sample('awsd-sample.csv')).expect(200);
      expect(summary.body).toMatchObject({ rows: 55, created: 0, alreadyImported: 55, failed: 0 });
      await expectStatistics(expected.per_year);
      const [{ count }] = await dataSource.query(
        `SELECT count(*)::int AS count FROM intake.incident i WHERE external_source = 'awsd' AND ${ours}`,
      );
      expect(count).toBe(55);
    });

    it('keeps the source verification status and counts archived and pending incidents too', async () => {
      const rows: { status: string; count: number }[] = await dataSource.query(
        `SELECT details->>'sourceVerification' AS status, count(*)::int AS count FROM intake.incident i
         WHERE external_source = 'awsd' AND ${ours} GROUP BY 1 ORDER BY 1`,
      );
      expect(rows).toEqual([
        { status: 'archived', count: 11 },
        { status: 'pending', count: 12 },
        { status: 'verified', count: 32 },
      ]);
    });
  });

  it('refuses rows whose source incident id now describes another incident, rather than mixing them up', async () => {
    await forgetImportedIncidents();
    await importFile(sample('awsd-sample.csv')).expect(200);
    // The two sample files number the same incidents differently (the 41-column one leaves out detention-only rows).
    const summary = await importFile(sample('awsd-sample-hxl.csv')).expect(200);
    expect(summary.body.rows).toBe(60);
    expect(summary.body.created).toBe(5);
    expect(summary.body.failed).toBe(55 - summary.body.alreadyImported);
    expect(summary.body.errors[0].problems[0]).toEqual({
      field: 'Incident ID',
      problems: [
        expect.stringMatching(
          /^\d+ was imported before as INC-\d{4}-\d{6} with different content; review and amend that incident instead$/,
        ),
      ],
    });
  });

  it('imports the HXL-tagged file (44 columns, hashtag row) with its own totals, detained included', async () => {
    await forgetImportedIncidents();
    const summary = await importFile(sample('awsd-sample-hxl.csv')).expect(200);
    expect(summary.body).toMatchObject({ rows: 60, created: 60, failed: 0, errors: [] });
    await expectStatistics(totalsOfFile('awsd-sample-hxl.csv'));
  });

  it('reports each bad row with its line and still imports the valid ones', async () => {
    const lines = sample('awsd-sample.csv').toString().split('\n');
    const header = lines[0];
    const good =
      '9001,2022,5,,SO,Somalia,,,,1,0,0,0,0,0,1,0,0,1,0,0,0,0,1,0,0,1,1,0,0,Shooting,Ambush,Road,,,Political,Criminal,Unknown,Synthetic,Yes,Media';
    const badTotals =
      '9002,2022,5,1,SO,Somalia,,,,1,0,0,0,0,0,1,0,0,1,0,0,0,0,3,0,0,1,1,0,0,Shooting,Ambush,Road,,,Political,Criminal,Unknown,Synthetic,Yes,Media';
    const badCategory =
      '9003,2022,5,1,XQ,Nowhere,,,,1,0,0,0,0,0,1,0,0,1,0,0,0,0,1,0,0,1,1,0,0,Poison,Ambush,Road,,,Political,Criminal,Unknown,"Line one\nline two",Yes,Media';
    const future =
      '9004,2099,1,1,SO,Somalia,,,,1,0,0,0,0,0,1,0,0,1,0,0,0,0,1,0,0,1,1,0,0,Shooting,Ambush,Road,,,Political,Criminal,Unknown,Synthetic,Yes,Media';
    const afterMultiline =
      '9005,2022,6,2,SO,Somalia,,,,1,0,0,0,0,0,0,1,0,1,0,0,0,0,0,1,0,1,1,0,0,Shelling,Raid,Home,,,,Host state,Unknown,Synthetic,Pending,Focal Point';
    const withFields = (id: string, fields: Record<number, string>) =>
      good
        .split(',')
        .map((field, index) => (index === 0 ? id : (fields[index] ?? field)))
        .join(',');
    // Coordinates damaged by a locale round-trip (columns 33 and 34), and an unknown means of attack (30).
    const damaged = withFields('9006', { 30: 'Poison', 33: '11.329.444', 34: '43.421.149', 39: 'Pen' });
    // Blank Country Code (4) with a territory AWSD names without one (5), or with nothing.
    const territory = withFields('9007', { 4: '', 5: 'Kosovo' });
    const noCountry = withFields('9008', { 4: '', 5: '' });
    const summary = await importFile(
      [header, good, badTotals, badCategory, future, afterMultiline, damaged, territory, noCountry, ''].join('\n'),
    ).expect(200);

    expect(summary.body).toMatchObject({ rows: 8, created: 4, failed: 4 });
    expect(summary.body.errors).toEqual([
      {
        line: 3,
        externalId: '9002',
        problems: [{ field: 'declaredTotals.killed', problems: ['is 3 but the personnel counts add up to 1'] }],
      },
      {
        line: 4,
        externalId: '9003',
        problems: [{ field: 'Country Code', problems: [expect.stringContaining("'XQ'")] }],
      },
      { line: 6, externalId: '9004', problems: [{ field: 'occurredOn', problems: ['the incident date is in the future'] }] },
      { line: 10, externalId: '9008', problems: [{ field: 'Country Code', problems: ['is required: the row names no country'] }] },
    ]);
    expect(summary.body.warnings).toContainEqual({
      line: 8,
      externalId: '9006',
      messages: [
        "Latitude '11.329.444' is not a number from -90 to 90: left out",
        "Longitude '43.421.149' is not a number from -180 to 180: left out",
        expect.stringMatching(/^Means of attack 'Poison' is not a known value.*: left out$/),
      ],
    });
    const imported: { external_id: string; occurred: string; precision: string; country: string; coordinates: unknown }[] =
      await dataSource.query(
        `SELECT external_id, details->>'occurredOn' AS occurred, details->>'occurredOnPrecision' AS precision,
                country_code AS country, details->'coordinates' AS coordinates
         FROM intake.incident i WHERE external_id IN ('9001', '9005', '9006', '9007') AND ${ours} ORDER BY external_id`,
      );
    expect(imported).toEqual([
      { external_id: '9001', occurred: '2022-05', precision: 'month', country: 'SO', coordinates: null },
      { external_id: '9005', occurred: '2022-06-02', precision: 'day', country: 'SO', coordinates: null },
      { external_id: '9006', occurred: '2022-05', precision: 'month', country: 'SO', coordinates: null },
      { external_id: '9007', occurred: '2022-05', precision: 'month', country: 'XK', coordinates: null },
    ]);
  });

  it.each([
    ['not CSV', 'application/json', '{}', 415],
    ['a CSV without the AWSD columns', 'text/csv', 'a,b,c\n1,2,3\n', 422],
  ])('refuses %s as a whole', async (_case, contentType, body, status) => {
    const response = await importFile(body, contentType).expect(status);
    expect(response.body.statusCode).toBe(status);
  });

  it('refuses imports from roles other than officer and admin', async () => {
    await request(intake.url)
      .post('/incidents/imports')
      .set('Authorization', `Bearer ${reportingStaff}`)
      .set('Content-Type', 'text/csv')
      .send('x')
      .expect(403);
  });
});
