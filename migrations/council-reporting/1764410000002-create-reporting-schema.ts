import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceSchemaV1, dropServiceSchemaV1 } from '#database';
import { createMessagingTablesV1, dropMessagingTablesV1 } from '#messaging';

export class CreateReportingSchema1764410000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await createServiceSchemaV1(queryRunner, 'reporting');
    await createMessagingTablesV1(queryRunner, 'reporting');
    // version, status, year and country stay null while only the case event has arrived.
    await queryRunner.query(
      `CREATE TABLE reporting.incident_summary (
         incident_id uuid PRIMARY KEY,
         version integer,
         status varchar(16),
         country_code char(2),
         year integer,
         case_id uuid,
         case_opened_at timestamptz
       )`,
    );
    await queryRunner.query('CREATE INDEX incident_summary_year_country ON reporting.incident_summary (year, country_code)');
    await queryRunner.query(
      `CREATE TABLE reporting.personnel_figure (
         incident_id uuid NOT NULL REFERENCES reporting.incident_summary (incident_id) ON DELETE CASCADE,
         harm varchar(32) NOT NULL,
         status varchar(16) NOT NULL,
         count integer NOT NULL CHECK (count >= 0),
         PRIMARY KEY (incident_id, harm, status)
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reporting.personnel_figure');
    await queryRunner.query('DROP TABLE reporting.incident_summary');
    await dropMessagingTablesV1(queryRunner, 'reporting');
    await dropServiceSchemaV1(queryRunner, 'reporting');
  }
}
