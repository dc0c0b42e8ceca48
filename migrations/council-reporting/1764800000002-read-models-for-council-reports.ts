import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  createProjectionTablesV1,
  dropProjectionTablesV1,
} from '../../apps/council-reporting/src/projections/infrastructure/projection-tables.js';

/**
 * Replaces the year-and-country figures with read models shaped for Council reports: every
 * grouping of the statistics API, the case chain of recommendation 6, and the topic positions
 * that make a report's watermark. They start empty: run `npm run reporting:rebuild` after this
 * migration to project the topics from offset zero.
 */
export class ReadModelsForCouncilReports1764800000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reporting.personnel_figure');
    await queryRunner.query('DROP TABLE reporting.incident_summary');
    await createProjectionTablesV1(queryRunner, 'reporting');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropProjectionTablesV1(queryRunner, 'reporting');
    await queryRunner.query(
      `CREATE TABLE reporting.incident_summary (
         incident_id uuid PRIMARY KEY, version integer, status varchar(16), country_code char(2), year integer,
         case_id uuid, case_opened_at timestamptz, confidentiality varchar(16), owning_organisation varchar(128))`,
    );
    await queryRunner.query('CREATE INDEX incident_summary_year_country ON reporting.incident_summary (year, country_code)');
    await queryRunner.query(
      `CREATE TABLE reporting.personnel_figure (
         incident_id uuid NOT NULL REFERENCES reporting.incident_summary (incident_id) ON DELETE CASCADE,
         harm varchar(32) NOT NULL, status varchar(16) NOT NULL, count integer NOT NULL CHECK (count >= 0),
         PRIMARY KEY (incident_id, harm, status))`,
    );
  }
}
