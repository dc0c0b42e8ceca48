import { randomUUID } from 'node:crypto';
import type pg from 'pg';

type Row = Record<string, unknown>;
// Filled in by the database, as for the service's own rows.
const generated = new Set(['position', 'created_at']);

/**
 * The rows the service wrote for one incident (the incident, its history, its protected data
 * and its outbox rows), read back so the raw-`pg` baselines insert exactly what the service
 * inserts, under fresh ids.
 */
export class IncidentRows {
  private constructor(private readonly rows: { table: string; row: Row }[]) {}

  static async of(pool: pg.Pool, incidentId: string): Promise<IncidentRows> {
    const read = async (table: string, column: string) =>
      (
        await pool.query<{ row: Row }>(`SELECT to_jsonb(t) AS row FROM intake.${table} t WHERE ${column}::text = $1`, [incidentId])
      ).rows.map(({ row }) => ({ table, row }));
    return new IncidentRows([
      ...(await read('incident', 'id')),
      ...(await read('incident_version', 'incident_id')),
      ...(await read('incident_protected_data', 'incident_id')),
      ...(await read('outbox', 'aggregateid')),
    ]);
  }

  /**
   * Inserts a copy under a fresh id and reference (and external id, for an imported one). Its
   * outbox rows are inserted already published: the relay must not ship the baseline's copies.
   */
  async insertCopy(client: pg.ClientBase, reference: string, externalId?: string): Promise<void> {
    const id = randomUUID();
    for (const { table, row } of this.rows) {
      const copy: Row = { ...row };
      for (const column of generated) delete copy[column];
      if (table === 'incident') Object.assign(copy, { id, reference }, externalId === undefined ? {} : { external_id: externalId });
      else if (table === 'outbox') Object.assign(copy, { id: randomUUID(), aggregateid: id, published_at: new Date().toISOString() });
      else copy.incident_id = id;
      const columns = Object.keys(copy)
        .map((column) => `"${column}"`)
        .join(', ');
      await client.query(
        `INSERT INTO intake.${table} (${columns}) SELECT ${columns} FROM jsonb_populate_record(NULL::intake.${table}, $1)`,
        [copy],
      );
    }
  }
}
