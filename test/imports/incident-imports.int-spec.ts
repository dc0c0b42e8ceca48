import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { postgresOptions, Transactions, type ProtectedDataKeyring } from '#database';
import { Outbox } from '#messaging';
import { ImportIncidentsCommand, type ImportSummary } from '../../apps/incident-intake/src/imports/application/import-incidents.command.js';
import { ImportIncidentsHandler } from '../../apps/incident-intake/src/imports/application/import-incidents.handler.js';
import { ImportInterruptedError } from '../../apps/incident-intake/src/imports/application/import-interrupted.error.js';
import { IncidentRecorder } from '../../apps/incident-intake/src/incidents/application/incident-recorder.js';
import { IncidentEntity } from '../../apps/incident-intake/src/incidents/infrastructure/incident.entity.js';
import { IncidentRepository } from '../../apps/incident-intake/src/incidents/infrastructure/incident.repository.js';
import { ProtectedDataRepository } from '../../apps/incident-intake/src/incidents/infrastructure/protected-data.repository.js';
import { OrganisationTypeDirectory } from '../../apps/incident-intake/src/partner-stream/organisation-types.js';
import { PartnerIncidentStream } from '../../apps/incident-intake/src/partner-stream/partner-incident-stream.js';
import { testClock } from '../support/clock.js';
import { openTestDataSource } from '../support/database.js';

const header =
  'Incident ID,Year,Month,Day,Country Code,Country,Region,District,City,UN,INGO,ICRC,NRCS and IFRC,NNGO,Other,' +
  'Nationals killed,Nationals wounded,Nationals kidnapped,Total nationals,Internationals killed,Internationals wounded,' +
  'Internationals kidnapped,Total internationals,Total killed,Total wounded,Total kidnapped,Total affected,Gender Male,' +
  'Gender Female,Gender Unknown,Means of attack,Attack context,Location,Latitude,Longitude,Motive,Actor type,Actor name,' +
  'Details,Verified,Source';

/** A valid row dated 1995, before any other test's incidents; no actor name, so no protected data. */
const row = (id: string, year = '1995') =>
  `${id},${year},5,1,XK,Kosovo,,,,1,0,0,0,0,0,1,0,0,1,0,0,0,0,1,0,0,1,1,0,0,Shooting,Ambush,Road,,,Political,Criminal,Unknown,Synthetic,Pen,Media`;

/**
 * The import use case against the real test database, with a real fault: another session holds
 * an uncommitted row that blocks one insert, and the importer's own DataSource has a short
 * statement timeout, so that insert fails with SQLSTATE 57014 as under a stuck database.
 */
describe('importing while the database fails', () => {
  const run = randomUUID().slice(0, 8);
  const ids = [1, 2, 3, 4].map((n) => `int-${run}-${n}`);
  // The retry test's own, apart from `ids`, which the first test counts whichever runs first.
  const retried = [`int-${run}-seed`, `int-${run}-retried`];
  let importer: DataSource;
  let locker: DataSource;

  const handler = (delaysMs: number[]) =>
    new ImportIncidentsHandler(
      new Transactions(importer),
      new IncidentRecorder(
        new IncidentRepository(),
        // Never used: the rows name no actor.
        new ProtectedDataRepository(undefined as unknown as ProtectedDataKeyring),
        new Outbox('intake', '/accountability/incident-intake'),
        new PartnerIncidentStream(OrganisationTypeDirectory.parse(undefined)),
        testClock,
      ),
      new IncidentRepository(),
      { delaysMs },
    );
  const importRows = (rows: string[], delaysMs = [50, 50]) =>
    handler(delaysMs).execute(
      new ImportIncidentsCommand(Readable.from([[header, ...rows, ''].join('\n')]), { subject: 'importer', organisation: `org-${run}` }),
    );

  /**
   * Runs `work` while another session holds, uncommitted, an incident with the external id
   * `held` (a copy of the imported `template`): an insert of that id waits on the unique key,
   * and only that one, so tests running beside this one are not slowed.
   */
  async function withRowHeld<T>(template: string, held: string, work: (release: () => void) => Promise<T>): Promise<T> {
    const runner = locker.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await runner.query(
      `INSERT INTO intake.incident
       SELECT (jsonb_populate_record(i, jsonb_build_object('id', gen_random_uuid(), 'reference', $3::text, 'external_id', $2::text))).*
       FROM intake.incident i WHERE external_source = 'awsd' AND external_id = $1`,
      [template, held, `INC-1995-${run}`.slice(0, 20)],
    );
    let released: Promise<void> | undefined;
    const release = () => void (released ??= runner.rollbackTransaction());
    try {
      return await work(release);
    } finally {
      release();
      await released;
      await runner.release();
    }
  }

  beforeAll(async () => {
    importer = await new DataSource(
      postgresOptions(process.env.DATABASE_URL!, { schema: 'intake', entities: [IncidentEntity] }, { statementTimeoutMs: 300 }),
    ).initialize();
    locker = await openTestDataSource('intake');
  });

  afterAll(async () => {
    // Remove what the test made, so no relay publishes it later.
    const made = [...ids, ...retried];
    await locker.transaction(async (manager: EntityManager) => {
      const mine = `SELECT id FROM intake.incident WHERE external_source = 'awsd' AND external_id = ANY($1)`;
      await manager.query(`DELETE FROM intake.outbox WHERE aggregateid::text IN (SELECT id::text FROM (${mine}) m)`, [made]);
      await manager.query(`DELETE FROM intake.incident_version WHERE incident_id IN (${mine})`, [made]);
      await manager.query(`DELETE FROM intake.incident WHERE id IN (${mine})`, [made]);
    });
    await Promise.all([importer.destroy(), locker.destroy()]);
  });

  it('answers with the summary so far and the line to resume from, and the same file then completes', async () => {
    expect(await importRows([row(ids[0]), row(ids[1])])).toMatchObject({ created: 2, failed: 0 });
    const file = [row(ids[0]), row(ids[1]), row(`int-${run}-bad`, ''), row(ids[2]), row(ids[3])];

    const interrupted = await withRowHeld(ids[0], ids[2], () =>
      importRows(file).then(
        () => undefined,
        (error: unknown) => error,
      ),
    );

    expect(interrupted).toBeInstanceOf(ImportInterruptedError);
    const { summary, resumeFromLine } = interrupted as ImportInterruptedError;
    // Lines: 1 header, 2 and 3 imported before, 4 refused (no year), 5 the first row not done.
    expect(resumeFromLine).toBe(5);
    expect(summary).toMatchObject<Partial<ImportSummary>>({ rows: 3, created: 0, alreadyImported: 2, failed: 1 });
    expect(summary.errors).toEqual([{ line: 4, externalId: `int-${run}-bad`, problems: [{ field: 'Year', problems: ['is required'] }] }]);

    expect(await importRows(file)).toMatchObject({ rows: 5, created: 2, alreadyImported: 2, failed: 1 });
    const [{ count }] = await locker.query(`SELECT count(*)::int AS count FROM intake.incident WHERE external_id = ANY($1)`, [ids]);
    expect(count).toBe(4);
  });

  it('retries a row whose insert timed out, and imports it once the lock is gone', async () => {
    const [seed, id] = retried;
    expect(await importRows([row(seed)])).toMatchObject({ created: 1 });
    const summary = await withRowHeld(seed, id, async (release) => {
      const importing = importRows([row(id)], [400, 400, 400]);
      // The first attempt times out after 300 ms; the retry 400 ms later finds the id free.
      setTimeout(release, 500);
      return importing;
    });
    expect(summary).toMatchObject({ rows: 1, created: 1, failed: 0 });
    const [{ country, verification }] = await locker.query(
      `SELECT country_code AS country, details->>'sourceVerification' AS verification FROM intake.incident WHERE external_id = $1`,
      [id],
    );
    expect({ country, verification }).toEqual({ country: 'XK', verification: 'pending' });
  });
});
