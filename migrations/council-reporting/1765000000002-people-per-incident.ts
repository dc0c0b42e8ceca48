import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  addIncidentPeopleV2,
  dropIncidentPeopleV2,
} from '../../apps/council-reporting/src/projections/infrastructure/projection-tables.js';

/** Issue 11: each incident's number of people, kept by the projection; a rebuild copies the column with the table. */
export class PeoplePerIncident1765000000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await addIncidentPeopleV2(queryRunner, 'reporting');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropIncidentPeopleV2(queryRunner, 'reporting');
  }
}
