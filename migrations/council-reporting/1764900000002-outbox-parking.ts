import type { MigrationInterface, QueryRunner } from 'typeorm';
import { addOutboxParkingV2, dropOutboxParkingV2 } from '#messaging';

/** Issue 9: an outbox row that can never be published is parked instead of blocking the schema. */
export class ReportingOutboxParking1764900000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await addOutboxParkingV2(queryRunner, 'reporting');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropOutboxParkingV2(queryRunner, 'reporting');
  }
}
