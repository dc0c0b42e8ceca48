import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTableV1, dropAuditTableV1 } from '#database';

export class InvestigationAuditTrail1764600000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditTableV1(queryRunner, 'investigation');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTableV1(queryRunner, 'investigation');
  }
}
