import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addOutboxParkingV2, dropOutboxParkingV2 } from '#messaging';

/** Issue 9: an outbox row that can never be published is parked instead of blocking the schema. */
export class InvestigationOutboxParking1764900000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await addOutboxParkingV2(queryRunner, 'investigation');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxParkingV2(queryRunner, 'investigation');
  }
}
