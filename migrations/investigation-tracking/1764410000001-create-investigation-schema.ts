import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceSchemaV1, dropServiceSchemaV1 } from '#database';
import { createMessagingTablesV1, dropMessagingTablesV1 } from '#messaging';

export class CreateInvestigationSchema1764410000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await createServiceSchemaV1(queryRunner, 'investigation');
    await createMessagingTablesV1(queryRunner, 'investigation');
    await queryRunner.query(
      `CREATE TABLE investigation."case" (
         id uuid PRIMARY KEY,
         reference varchar(20) NOT NULL UNIQUE,
         incident_id uuid NOT NULL UNIQUE,
         incident_reference varchar(20) NOT NULL,
         country_code char(2) NOT NULL,
         concerned_state_code char(2) NOT NULL,
         stage varchar(32) NOT NULL,
         opened_at timestamptz NOT NULL
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE investigation."case"');
    await dropMessagingTablesV1(queryRunner, 'investigation');
    await dropServiceSchemaV1(queryRunner, 'investigation');
  }
}
