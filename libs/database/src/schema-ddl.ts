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
