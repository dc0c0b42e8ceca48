import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addProtectedDataKeyIdV1, dropProtectedDataKeyIdV1 } from '#database';

/** Key rotation: each sealed row names its key; existing rows were sealed with the legacy key `k0`. */
export class IntakeProtectedDataKeyId1764700000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await addProtectedDataKeyIdV1(queryRunner, 'intake.incident_protected_data');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropProtectedDataKeyIdV1(queryRunner, 'intake.incident_protected_data');
  }
}
