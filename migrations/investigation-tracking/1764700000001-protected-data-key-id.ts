import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addProtectedDataKeyIdV1, dropProtectedDataKeyIdV1 } from '#database';

/** Key rotation: each sealed row names its key; existing rows were sealed with the legacy key `k0`. */
export class InvestigationProtectedDataKeyId1764700000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await addProtectedDataKeyIdV1(queryRunner, 'investigation.case_protected_data');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropProtectedDataKeyIdV1(queryRunner, 'investigation.case_protected_data');
  }
}
