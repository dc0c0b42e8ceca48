import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Figures honour the access rule: each incident's confidentiality and owning organisation.
 * Rows projected before this are NULL, counted for admins only, until a rebuild from the
 * topics fills them (the events always carried both).
 */
export class FiguresFollowTheAccessRule1764600000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE reporting.incident_summary ADD COLUMN confidentiality varchar(16), ADD COLUMN owning_organisation varchar(128)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE reporting.incident_summary DROP COLUMN owning_organisation, DROP COLUMN confidentiality`);
  }
}
