import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAuditTableV1, dropAuditTableV1 } from '#database';

export class IntakeAuditTrail1764600000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await createAuditTableV1(queryRunner, 'intake');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropAuditTableV1(queryRunner, 'intake');
  }
}
