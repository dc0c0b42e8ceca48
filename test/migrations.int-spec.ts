import type { DataSource } from 'typeorm';
import { migrateAll } from '../migrations/run.js';
import { openTestDataSource } from './support/database.js';

describe('migrations', () => {
  let dataSource: DataSource;

  async function tablesOf(schema: string): Promise<string[]> {
    const rows: { table_name: string }[] = await dataSource.query(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
      [schema],
    );
    return rows.map((row) => row.table_name);
  }

  /** The columns of both services' protected data tables. */
  async function protectedDataColumns(): Promise<string[]> {
    const rows: { column_name: string }[] = await dataSource.query(
      `SELECT column_name FROM information_schema.columns
       WHERE (table_schema, table_name) IN (('intake', 'incident_protected_data'), ('investigation', 'case_protected_data'))`,
    );
    return rows.map((row) => row.column_name);
  }

  beforeAll(async () => {
    dataSource = await openTestDataSource('intake');
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('reverses every service migration with down() and reapplies it with up()', async () => {
    const before = {
      intake: await tablesOf('intake'),
      investigation: await tablesOf('investigation'),
      reporting: await tablesOf('reporting'),
    };
    expect(before.intake).toEqual([
      'audit_entry',
      'idempotency_key',
      'inbox',
      'incident',
      'incident_protected_data',
      'incident_version',
      'outbox',
      'reference_counter',
    ]);

    // Each revert undoes every service's last migration: the protected data key ids first, then the audit trails,
    // then the workflow, then the schemas.
    expect(await protectedDataColumns()).toContain('key_id');
    await migrateAll('down', () => undefined);
    expect(await protectedDataColumns()).not.toContain('key_id');
    await migrateAll('down', () => undefined);
    expect(await tablesOf('intake')).not.toContain('audit_entry');
    expect(await tablesOf('investigation')).not.toContain('audit_entry');
    await migrateAll('down', () => undefined);
    expect(await tablesOf('investigation')).toEqual(['case', 'inbox', 'outbox', 'reference_counter']);
    await migrateAll('down', () => undefined);
    const [{ schemas }] = await dataSource.query(
      `SELECT count(*)::int AS schemas FROM information_schema.schemata WHERE schema_name IN ('intake', 'investigation', 'reporting')`,
    );
    expect(schemas).toBe(0);

    await migrateAll('up', () => undefined);
    expect({
      intake: await tablesOf('intake'),
      investigation: await tablesOf('investigation'),
      reporting: await tablesOf('reporting'),
    }).toEqual(before);
  });
});
