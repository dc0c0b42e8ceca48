import type { QueryRunner } from 'typeorm';

/**
 * The tables every service schema has: the schema itself and the reference counter.
 * Frozen as version 1 because migrations call it; a change needs a new version.
 */
export async function createServiceSchemaV1(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`CREATE SCHEMA "${schema}"`);
  await queryRunner.query(
    `CREATE TABLE "${schema}".reference_counter (
       prefix varchar(16) NOT NULL,
       year integer NOT NULL,
       last_value integer NOT NULL,
       PRIMARY KEY (prefix, year)
     )`,
  );
}

export async function dropServiceSchemaV1(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}".reference_counter`);
  await queryRunner.query(`DROP SCHEMA "${schema}"`);
}

/**
 * The id of the key each protected data row is sealed with. Rows sealed before key ids
 * existed were sealed with the single `PROTECTED_DATA_KEY`, which the keyring names `k0`.
 * Frozen as version 1 because migrations call it.
 */
export async function addProtectedDataKeyIdV1(queryRunner: QueryRunner, table: string): Promise<void> {
  await queryRunner.query(`ALTER TABLE ${table} ADD COLUMN key_id varchar(32) NOT NULL DEFAULT 'k0'`);
  // New rows must name their key; the default only labels the existing ones.
  await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN key_id DROP DEFAULT`);
}

/** Reverses `addProtectedDataKeyIdV1`; refuses while a row is sealed with another key than `k0`, which would become unreadable. */
export async function dropProtectedDataKeyIdV1(queryRunner: QueryRunner, table: string): Promise<void> {
  const [{ rows }]: { rows: number }[] = await queryRunner.query(`SELECT count(*)::int AS rows FROM ${table} WHERE key_id <> 'k0'`);
  if (rows > 0) {
    throw new Error(
      `${rows} rows of ${table} are sealed with another key than k0: rotate them back first (PROTECTED_DATA_CURRENT_KEY_ID=k0, npm run protected-data:rotate)`,
    );
  }
  await queryRunner.query(`ALTER TABLE ${table} DROP COLUMN key_id`);
}

/**
 * Makes a table append-only: a trigger refuses every UPDATE and DELETE, naming `what`.
 * Frozen as version 1 because migrations call it; a change needs a new version.
 */
export async function createAppendOnlyGuardV1(queryRunner: QueryRunner, schema: string, table: string, what: string): Promise<void> {
  await queryRunner.query(
    `CREATE FUNCTION "${schema}".refuse_${table}_change() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN RAISE EXCEPTION '${what} is append-only'; END $$`,
  );
  await queryRunner.query(
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON "${schema}".${table}
     FOR EACH ROW EXECUTE FUNCTION "${schema}".refuse_${table}_change()`,
  );
}

export async function dropAppendOnlyGuardV1(queryRunner: QueryRunner, schema: string, table: string): Promise<void> {
  await queryRunner.query(`DROP TRIGGER ${table}_append_only ON "${schema}".${table}`);
  await queryRunner.query(`DROP FUNCTION "${schema}".refuse_${table}_change()`);
}
