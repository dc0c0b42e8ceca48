import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Council report jobs and their rendered files. A job records what was asked, by whom (the
 * figures follow their access), its progress, why it failed, and the data watermark it was
 * generated at; each file keeps its SHA-256.
 */
export class CouncilReportJobs1764800000012 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE reporting.report (
         report_id uuid PRIMARY KEY,
         reference varchar(32) NOT NULL UNIQUE,
         status varchar(16) NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
         progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
         step varchar(64),
         request jsonb NOT NULL,
         requested_by varchar(128) NOT NULL,
         requested_role varchar(16) NOT NULL,
         requesting_organisation varchar(128) NOT NULL,
         requested_at timestamptz NOT NULL,
         started_at timestamptz,
         finished_at timestamptz,
         attempts integer NOT NULL DEFAULT 0,
         failure text,
         watermark jsonb
       )`,
    );
    await queryRunner.query(`CREATE INDEX report_queue ON reporting.report (requested_at) WHERE status = 'queued'`);
    await queryRunner.query(
      `CREATE TABLE reporting.report_file (
         report_id uuid NOT NULL REFERENCES reporting.report (report_id) ON DELETE CASCADE,
         format varchar(8) NOT NULL,
         media_type varchar(128) NOT NULL,
         sha256 char(64) NOT NULL,
         content bytea NOT NULL,
         PRIMARY KEY (report_id, format)
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE reporting.report_file');
    await queryRunner.query('DROP TABLE reporting.report');
  }
}
