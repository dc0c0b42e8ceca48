import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, type EntityManager } from 'typeorm';
import { postgresOptions, Transactions, type ProtectedDataKeyring } from '#database';
import { Outbox } from '#messaging';
import { ImportIncidentsCommand, type ImportSummary } from '../../apps/incident-intake/src/imports/application/import-incidents.command.js';
import { IMPORT_BATCH_ROWS, ImportIncidentsHandler } from '../../apps/incident-intake/src/imports/application/import-incidents.handler.js';
import { ImportInterruptedError } from '../../apps/incident-intake/src/imports/application/import-interrupted.error.js';
import { IncidentRecorder } from '../../apps/incident-intake/src/incidents/application/incident-recorder.js';
import { IncidentEntity } from '../../apps/incident-intake/src/incidents/infrastructure/incident.entity.js';
import { IncidentRepository } from '../../apps/incident-intake/src/incidents/infrastructure/incident.repository.js';
import { ProtectedDataRepository } from '../../apps/incident-intake/src/incidents/infrastructure/protected-data.repository.js';
import { OrganisationTypeDirectory } from '../../apps/incident-intake/src/partner-stream/organisation-types.js';
import { PartnerIncidentStream } from '../../apps/incident-intake/src/partner-stream/partner-incident-stream.js';
import { testClock } from '../support/clock.js';
import { openTestDataSource } from '../support/database.js';
import { eventually } from '../support/eventually.js';

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
 * Rows are written IMPORT_BATCH_ROWS to a transaction, a savepoint each.
 */
describe('importing while the database fails', () => {
  const run = randomUUID().slice(0, 8);
  const ids = [1, 2, 3, 4].map((n) => `int-${run}-${n}`);
  // The retry test's own, apart from `ids`, which the first test counts whichever runs first.
  const retried = [`int-${run}-seed`, `int-${run}-retried`];
  let importer: DataSource;
  // Without a statement timeout: its insert waits for a held row as long as that is held.
  let patientImporter: DataSource;
  let locker: DataSource;
  let holds = 0;

  const handler = (delaysMs: number[], dataSource: DataSource) =>
    new ImportIncidentsHandler(
      new Transactions(dataSource),
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
  const importRows = (rows: string[], delaysMs = [50, 50], dataSource = importer) =>
    handler(delaysMs, dataSource).execute(
      new ImportIncidentsCommand(Readable.from([[header, ...rows, ''].join('\n')]), { subject: 'importer', organisation: `org-${run}` }),
    );

  /**
   * Runs `work` while another session holds, uncommitted, an incident with the external id
   * `held` (a copy of the imported `template`): an insert of that id waits on the unique key,
   * and only that one, so tests running beside this one are not slowed. `release` rolls the
   * held row back; `commit` commits it instead, as a concurrent import of the same row would;
   * `awaited` resolves once another session waits for the held row.
   */
  async function withRowHeld<T>(
    template: string,
    held: string,
    work: (hold: { release: () => void; commit: () => Promise<void>; awaited: () => Promise<void> }) => Promise<T>,
  ): Promise<T> {
    const runner = locker.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
    const awaited = () =>
      eventually(
        async () => {
          const [{ waiting }] = await locker.query(
            'SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))) AS waiting',
            [pid],
          );
          if (!waiting) throw new Error('nobody waits for the held row yet');
        },
        { intervalMs: 20 },
      );
    await runner.query(
      `INSERT INTO intake.incident
       SELECT (jsonb_populate_record(i, jsonb_build_object('id', gen_random_uuid(), 'reference', $3::text, 'external_id', $2::text))).*
       FROM intake.incident i WHERE external_source = 'awsd' AND external_id = $1`,
      // A reference of its own: a committed held row keeps it.
      [template, held, `INC-1995-${run}-${++holds}`.slice(0, 20)],
    );
    let released: Promise<void> | undefined;
    const release = () => void (released ??= runner.rollbackTransaction());
    const commit = () => (released ??= runner.commitTransaction());
    try {
      return await work({ release, commit, awaited });
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
    patientImporter = await new DataSource(
      postgresOptions(process.env.DATABASE_URL!, { schema: 'intake', entities: [IncidentEntity] }),
    ).initialize();
    locker = await openTestDataSource('intake');
  });

  afterAll(async () => {
    // Remove what the tests made, so no relay publishes it later.
    const made = `int-${run}-%`;
    await locker.transaction(async (manager: EntityManager) => {
      const mine = `SELECT id FROM intake.incident WHERE external_source = 'awsd' AND external_id LIKE $1`;
      await manager.query(`DELETE FROM intake.outbox WHERE aggregateid::text IN (SELECT id::text FROM (${mine}) m)`, [made]);
      await manager.query(`DELETE FROM intake.incident_version WHERE incident_id IN (${mine})`, [made]);
      await manager.query(`DELETE FROM intake.incident WHERE id IN (${mine})`, [made]);
    });
    await Promise.all([importer.destroy(), patientImporter.destroy(), locker.destroy()]);
  });

  /** The failure an import ends with, which must be an interruption. */
  async function interruptionOf(importing: Promise<ImportSummary>): Promise<ImportInterruptedError> {
    const failure = await importing.then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ImportInterruptedError);
    return failure as ImportInterruptedError;
  }

  /** Which of these external ids have an incident. */
  async function importedAmong(externalIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await locker.query(
      `SELECT external_id AS id FROM intake.incident WHERE external_source = 'awsd' AND external_id = ANY($1)`,
      [externalIds],
    );
    return rows.map(({ id }) => id).sort();
  }

  it('answers with the summary so far and the line to resume from, and the same file then completes', async () => {
    expect(await importRows([row(ids[0]), row(ids[1])])).toMatchObject({ created: 2, failed: 0 });
    const file = [row(ids[0]), row(ids[1]), row(`int-${run}-bad`, ''), row(ids[2]), row(ids[3])];

    const { summary, resumeFromLine } = await withRowHeld(ids[0], ids[2], () => interruptionOf(importRows(file)));

    // The whole file is one batch, whose transaction failed: nothing is done, the resume line is the first row's.
    expect(resumeFromLine).toBe(2);
    expect(summary).toMatchObject<Partial<ImportSummary>>({ rows: 0, created: 0, alreadyImported: 0, failed: 0, errors: [] });

    expect(await importRows(file)).toMatchObject({ rows: 5, created: 2, alreadyImported: 2, failed: 1 });
    expect(await importedAmong(ids)).toHaveLength(4);
  });

  it('retries a row whose insert timed out, and imports it once the lock is gone', async () => {
    const [seed, id] = retried;
    expect(await importRows([row(seed)])).toMatchObject({ created: 1 });
    const summary = await withRowHeld(seed, id, async ({ release }) => {
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

  it('fails a row the database refuses alone, and creates the rows beside it in its batch', async () => {
    const [before, changed, taken, undated, after] = ['before', 'changed', 'taken', 'undated', 'after'].map((name) => `int-${run}-${name}`);
    expect(await importRows([row(changed)])).toMatchObject({ created: 1 });
    // Lines: 2 created; 3 changed since imported; 4 taken by a concurrent import; 5 refused before the database; 6 created;
    // 7 line 2's id again, with other content.
    const file = [row(before), row(changed, '1996'), row(taken), row(undated, ''), row(after), row(before, '1996')];

    const summary = await withRowHeld(changed, taken, async ({ commit, awaited }) => {
      const importing = importRows(file, [], patientImporter);
      // The insert of `taken` waits for the held row; committed, that insert fails with 23505 after the batch's first writes.
      await awaited();
      await commit();
      return importing;
    });

    expect(summary).toMatchObject<Partial<ImportSummary>>({ rows: 6, created: 2, alreadyImported: 1, failed: 3, warnings: [] });
    expect(summary.errors).toEqual([
      { line: 3, externalId: changed, problems: [{ field: 'Incident ID', problems: [expect.stringContaining('with different content')] }] },
      { line: 5, externalId: undated, problems: [{ field: 'Year', problems: ['is required'] }] },
      { line: 7, externalId: before, problems: [{ field: 'Incident ID', problems: [expect.stringContaining('with different content')] }] },
    ]);
    expect(await importedAmong([before, changed, taken, undated, after])).toEqual([after, before, changed, taken].sort());
  });

  it('writes nothing of a batch a transient failure interrupts, counts the rows before it and resumes from its first line', async () => {
    const id = (name: string | number) => `int-${run}-batch-${name}`;
    const earlier = Array.from({ length: IMPORT_BATCH_ROWS - 1 }, (_, n) => id(n));
    const interruptedBatch = [id('neighbour'), id('held'), id('last')];
    expect(await importRows([row(id('template'))])).toMatchObject({ created: 1 });
    // Lines: 1 header; the first batch from 2, its first row refused; the second batch from IMPORT_BATCH_ROWS + 2.
    const file = [
      row(id('undated'), ''),
      ...earlier.map((earlierId) => row(earlierId)),
      row(interruptedBatch[0]),
      row(id('undated-too'), ''),
      row(interruptedBatch[1]),
      row(interruptedBatch[2]),
    ];

    const { summary, resumeFromLine } = await withRowHeld(id('template'), interruptedBatch[1], () => interruptionOf(importRows(file)));

    expect(resumeFromLine).toBe(IMPORT_BATCH_ROWS + 2);
    expect(summary).toMatchObject<Partial<ImportSummary>>({
      rows: IMPORT_BATCH_ROWS,
      created: IMPORT_BATCH_ROWS - 1,
      alreadyImported: 0,
      failed: 1,
    });
    expect(summary.errors.map(({ line }) => line)).toEqual([2]);
    expect(await importedAmong([...earlier, ...interruptedBatch])).toEqual([...earlier].sort());

    expect(await importRows(file)).toMatchObject({
      rows: IMPORT_BATCH_ROWS + 4,
      created: 3,
      alreadyImported: IMPORT_BATCH_ROWS - 1,
      failed: 2,
    });
    expect(await importedAmong(interruptedBatch)).toEqual([...interruptedBatch].sort());
  });
});
