import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ProtectedDataKeyring, type SealedJsonStore } from '#database';
import { incidentIntakeDefaults } from '../../apps/incident-intake/src/incident-intake.env.js';
import { ProtectedDataRepository } from '../../apps/incident-intake/src/incidents/infrastructure/protected-data.repository.js';
import { CaseProtectedDataRepository } from '../../apps/investigation-tracking/src/cases/infrastructure/case-protected-data.repository.js';
import { rotateProtectedData } from '../../migrations/rotate-protected-data.js';
import { testId } from '../factories/case.factory.js';
import { testNow } from '../support/clock.js';
import { openTestDataSource } from '../support/database.js';

const ROWS = 3;
const suffix = randomBytes(3).toString('hex');
/** Key ids of this run only, so no other test's rows are under them. */
const keyA = { id: `test-a-${suffix}`, key: randomBytes(32) };
const keyB = { id: `test-b-${suffix}`, key: randomBytes(32) };
/** The development key the services and the CLI use in test (PROTECTED_DATA_KEY, id k0). */
const developmentKey = Buffer.from(incidentIntakeDefaults.local!.PROTECTED_DATA_KEY, 'base64');

function keyring(keys: { id: string; key: Buffer }[], currentKeyId: string): ProtectedDataKeyring {
  return ProtectedDataKeyring.of(Object.fromEntries(keys.map(({ id, key }) => [id, key])), currentKeyId);
}

/** Runs `npm run protected-data:rotate`'s program on the test database with the given keyring variables. */
function rotateCommand(env: Record<string, string>): string {
  return execFileSync(process.execPath, ['dist/migrations/rotate-protected-data.js'], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

interface Table {
  /** The table's key column. */
  keyColumn: string;
  dataSource: DataSource;
  ids: string[];
  storeWith(ring: ProtectedDataKeyring): SealedJsonStore<unknown>;
}

describe('key rotation of protected data', () => {
  const tables: Table[] = [];

  async function keyIdsOf(table: Table): Promise<string[]> {
    const rows: { key_id: string }[] = await table.dataSource.query(
      `SELECT DISTINCT key_id FROM ${table.storeWith(keyring([keyA], keyA.id)).table} WHERE ${table.keyColumn} = ANY($1)`,
      [table.ids],
    );
    return rows.map((row) => row.key_id);
  }

  async function readAll(table: Table, ring: ProtectedDataKeyring): Promise<unknown[]> {
    const store = table.storeWith(ring);
    return Promise.all(table.ids.map((id) => store.load(table.dataSource.manager, id)));
  }

  const expected = (table: Table) => table.ids.map((id) => ({ name: `Witness ${id}` }));

  beforeAll(async () => {
    const intake = await openTestDataSource('intake');
    const investigation = await openTestDataSource('investigation');
    tables.push(
      {
        keyColumn: 'incident_id',
        dataSource: intake,
        ids: [],
        storeWith: (ring) => new ProtectedDataRepository(ring),
      },
      {
        keyColumn: 'case_id',
        dataSource: investigation,
        ids: [],
        storeWith: (ring) => new CaseProtectedDataRepository(ring),
      },
    );
    // The parent rows the protected data belongs to, with only what their tables require.
    for (let index = 0; index < ROWS; index++) {
      const reference = `KR-${suffix}-${index}`;
      const incidentId = testId();
      await intake.query(
        `INSERT INTO intake.incident (id, reference, version, status, country_code, concerned_state_code, occurred_on, means_of_attack,
           perpetrator_category, details, reported_at, reported_by, reporting_organisation, updated_at)
         VALUES ($1, $2, 1, 'reported', 'SD', 'SD', '1990-01-01', 'other', 'unknown', '{}', now(), 'key-rotation-test', 'org-kr', now())`,
        [incidentId, reference],
      );
      tables[0].ids.push(incidentId);
      const caseId = testId();
      await investigation.query(
        `INSERT INTO investigation."case" (id, reference, incident_id, incident_reference, country_code, concerned_state_code, stage, opened_at, state)
         VALUES ($1, $2, $3, $2, 'SD', 'SD', 'not_requested', now(), '{}')`,
        [caseId, reference, testId()],
      );
      tables[1].ids.push(caseId);
    }
    // Written while A is the current key.
    for (const table of tables) {
      const store = table.storeWith(keyring([keyA], keyA.id));
      await table.dataSource.transaction(async (manager) => {
        for (const id of table.ids) await store.save(manager, id, { name: `Witness ${id}` }, 'key-rotation-test', testNow());
      });
    }
  });

  afterAll(async () => {
    const [intake, investigation] = tables;
    await intake.dataSource.query('DELETE FROM intake.incident_protected_data WHERE incident_id = ANY($1)', [intake.ids]);
    await intake.dataSource.query('DELETE FROM intake.incident WHERE id = ANY($1)', [intake.ids]);
    await investigation.dataSource.query('DELETE FROM investigation.case_protected_data WHERE case_id = ANY($1)', [investigation.ids]);
    await investigation.dataSource.query('DELETE FROM investigation."case" WHERE id = ANY($1)', [investigation.ids]);
    await Promise.all(tables.map((table) => table.dataSource.destroy()));
  });

  // One test, three steps on the same rows: each step starts where the one before left them (jest --randomize shuffles tests).
  it('rotates the rows from A to B in process, from B to the development key with the CLI, and they stay readable at each step', async () => {
    // Rows sealed under the old key are read once B is current, rotated to B, and a keyring without A still reads them.
    const ringAB = keyring([keyA, keyB], keyB.id);
    for (const table of tables) {
      expect(await keyIdsOf(table)).toEqual([keyA.id]);
      expect(await readAll(table, ringAB)).toEqual(expected(table));
    }

    // Batches of 2 rows, so the rows of each table take more than one transaction.
    const results = await rotateProtectedData(
      tables.map((table) => ({ dataSource: table.dataSource, store: table.storeWith(ringAB) })),
      () => undefined,
      2,
    );
    // Only this test's rows are under A; other tests' rows are under k0, which this keyring does not hold.
    expect(results.map((result) => [result.rotated, result.remaining, result.currentKeyId])).toEqual([
      [ROWS, 0, keyB.id],
      [ROWS, 0, keyB.id],
    ]);

    for (const table of tables) {
      expect(await keyIdsOf(table)).toEqual([keyB.id]);
      expect(await readAll(table, keyring([keyB], keyB.id))).toEqual(expected(table));
      await expect(readAll(table, keyring([keyA], keyA.id))).rejects.toThrow(
        `sealed with key id '${keyB.id}', which is not in the keyring`,
      );
    }

    // A second pass finds nothing left to rotate.
    const again = await rotateProtectedData(
      tables.map((table) => ({ dataSource: table.dataSource, store: table.storeWith(ringAB) })),
      () => undefined,
    );
    expect(again.map((result) => result.rotated)).toEqual([0, 0]);

    // The CLI, from each service configuration, safe to run twice. B is still in the keyring, beside the development key k0 (PROTECTED_DATA_KEY), which becomes current again.
    const env = { PROTECTED_DATA_KEYS: `${keyB.id}:${keyB.key.toString('base64')}`, PROTECTED_DATA_CURRENT_KEY_ID: 'k0' };
    const first = rotateCommand(env);
    expect(first).toContain(`intake.incident_protected_data: ${ROWS} rotated to key 'k0', 0 left under older keys`);
    expect(first).toContain(`investigation.case_protected_data: ${ROWS} rotated to key 'k0', 0 left under older keys`);
    expect(first).not.toContain(keyB.key.toString('base64'));
    const second = rotateCommand(env);
    expect(second).toContain(`intake.incident_protected_data: 0 rotated to key 'k0'`);
    expect(second).toContain(`investigation.case_protected_data: 0 rotated to key 'k0'`);

    // Readable with the development key alone.
    for (const table of tables) {
      expect(await keyIdsOf(table)).toEqual(['k0']);
      expect(await readAll(table, keyring([{ id: 'k0', key: developmentKey }], 'k0'))).toEqual(expected(table));
    }
  });
});
