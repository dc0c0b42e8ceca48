import type { DataSource } from 'typeorm';
import { ProjectionTables, projectionTable } from '../../apps/council-reporting/src/projections/infrastructure/projection-tables.js';

/**
 * The rows of every read model in `schema` that belong to the given incidents and cases, by
 * table, each as JSON and in a stable order: two schemas compare with `toEqual`.
 */
export async function readModelRowsOf(dataSource: DataSource, schema: string, ids: readonly string[]): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of ProjectionTables.filter((name) => name !== 'projection_position')) {
    const found: { row: unknown }[] = await dataSource.query(
      `SELECT to_jsonb(t) AS row FROM ${projectionTable(schema, table)} t
       WHERE to_jsonb(t) ->> 'incident_id' = ANY($1) OR to_jsonb(t) ->> 'case_id' = ANY($1)
       ORDER BY to_jsonb(t)::text`,
      [ids],
    );
    rows[table] = found.map(({ row }) => row);
  }
  return rows;
}
