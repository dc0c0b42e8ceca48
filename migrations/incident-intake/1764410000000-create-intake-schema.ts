import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceSchemaV1, dropServiceSchemaV1 } from '#database';
import { createMessagingTablesV1, dropMessagingTablesV1 } from '#messaging';

export class CreateIntakeSchema1764410000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await createServiceSchemaV1(queryRunner, 'intake');
    await createMessagingTablesV1(queryRunner, 'intake');
    await queryRunner.query(
      `CREATE TABLE intake.incident (
         id uuid PRIMARY KEY,
         reference varchar(20) NOT NULL UNIQUE,
         country_code char(2) NOT NULL,
         concerned_state_code char(2) NOT NULL,
         occurred_on date NOT NULL,
         occurred_on_precision varchar(5) NOT NULL CHECK (occurred_on_precision IN ('day', 'month', 'year')),
         personnel jsonb NOT NULL,
         status varchar(16) NOT NULL,
         reported_at timestamptz NOT NULL,
         reported_by varchar(200) NOT NULL,
         reporting_organisation varchar(200) NOT NULL
       )`,
    );
    await queryRunner.query('CREATE INDEX incident_country_occurred ON intake.incident (country_code, occurred_on)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE intake.incident');
    await dropMessagingTablesV1(queryRunner, 'intake');
    await dropServiceSchemaV1(queryRunner, 'intake');
  }
}
