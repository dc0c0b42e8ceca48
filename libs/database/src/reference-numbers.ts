import type { EntityManager } from 'typeorm';

/**
 * Allocates human references such as `INC-2026-000042`: one counter per prefix and year,
 * incremented inside the caller's transaction so a rolled-back create leaves no gap owner.
 */
export async function allocateReference(manager: EntityManager, schema: string, prefix: string, year: number): Promise<string> {
  const rows: Array<{ last_value: number }> = await manager.query(
    `INSERT INTO "${schema}".reference_counter (prefix, year, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (prefix, year) DO UPDATE SET last_value = reference_counter.last_value + 1
     RETURNING last_value`,
    [prefix, year],
  );
  return `${prefix}-${year}-${String(rows[0].last_value).padStart(6, '0')}`;
}
