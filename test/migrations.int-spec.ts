import { execFileSync } from 'node:child_process';
import pg from 'pg';

/**
 * A database of its own, so that reverting every migration never pulls the schemas from
 * under the other test files, whatever order they run in.
 */
const database = 'accountability_test_migrations';
const url = process.env.DATABASE_URL!.replace(/\/[^/]+$/, `/${database}`);

/** `npm run migrate` / `migrate:revert` on this test's database, as an operator runs them. */
function migrate(direction: 'up' | 'down'): void {
  execFileSync(process.execPath, ['dist/migrations/run.js', direction], { env: { ...process.env, DATABASE_URL: url }, stdio: 'ignore' });
}

describe('migrations', () => {
  let client: pg.Client;

  /** Every column of every table in the services' schemas: what a migration changes. */
  async function shape(): Promise<string[]> {
    const { rows } = await client.query<{ column: string }>(
      `SELECT table_schema || '.' || table_name || '.' || column_name || ' ' || data_type AS column
       FROM information_schema.columns WHERE table_schema IN ('intake', 'investigation', 'reporting') ORDER BY 1`,
    );
    return rows.map((row) => row.column);
  }

  async function appliedMigrations(): Promise<number> {
    const { rows } = await client.query<{ applied: number }>(
      `SELECT (SELECT count(*) FROM public.intake_migrations) + (SELECT count(*) FROM public.investigation_migrations)
              + (SELECT count(*) FROM public.reporting_migrations) AS applied`,
    );
    return Number(rows[0]!.applied);
  }

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL!.replace(/\/[^/]+$/, '/postgres') });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    migrate('up');
    client = new pg.Client({ connectionString: url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
  });

  it('reverses every service migration with down(), one per service at a time, and reapplies them all with up()', async () => {
    const full = await shape();
    expect(full.map((column) => column.split(' ')[0])).toEqual(
      expect.arrayContaining([
        'intake.incident_protected_data.key_id',
        'reporting.projection_position.next_offset',
        'reporting.report_file.sha256',
      ]),
    );
    const steps: string[][] = [full];
    for (let applied = await appliedMigrations(); applied > 0; applied = await appliedMigrations()) {
      migrate('down');
      // Every revert takes one migration of each service that has one left, and changes the schema.
      expect(await appliedMigrations()).toBeLessThan(applied);
      steps.push(await shape());
      expect(steps.at(-1)).not.toEqual(steps.at(-2));
    }
    expect(steps.at(-1)).toEqual([]);
    const { rows } = await client.query<{ schemas: number }>(
      `SELECT count(*)::int AS schemas FROM information_schema.schemata WHERE schema_name IN ('intake', 'investigation', 'reporting')`,
    );
    expect(rows[0]!.schemas).toBe(0);

    migrate('up');
    expect(await shape()).toEqual(full);
  });
});
