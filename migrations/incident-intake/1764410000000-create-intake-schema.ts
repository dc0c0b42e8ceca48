import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createServiceSchemaV1, dropServiceSchemaV1 } from '#database';
import { createMessagingTablesV1, dropMessagingTablesV1 } from '#messaging';

export class CreateIntakeSchema1764410000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await createServiceSchemaV1(queryRunner, 'intake');
    await createMessagingTablesV1(queryRunner, 'intake');
    // The full record is `details`; the columns beside it are what lists filter and sort on.
    await queryRunner.query(
      `CREATE TABLE intake.incident (
         id uuid PRIMARY KEY,
         reference varchar(20) NOT NULL UNIQUE,
         version integer NOT NULL,
         status varchar(16) NOT NULL CHECK (status IN ('reported', 'verified', 'rejected')),
         country_code char(2) NOT NULL,
         concerned_state_code char(2) NOT NULL,
         occurred_on date NOT NULL,
         means_of_attack varchar(32) NOT NULL,
         perpetrator_category varchar(48) NOT NULL,
         details jsonb NOT NULL,
         external_source varchar(32),
         external_id varchar(64),
         -- What the source said when imported: a changed source row is reported, not skipped.
         external_fingerprint char(64),
         rejection jsonb,
         reported_at timestamptz NOT NULL,
         reported_by varchar(200) NOT NULL,
         reporting_organisation varchar(200) NOT NULL,
         updated_at timestamptz NOT NULL,
         UNIQUE (external_source, external_id)
       )`,
    );
    await queryRunner.query('CREATE INDEX incident_occurred_on ON intake.incident (occurred_on, id)');
    await queryRunner.query('CREATE INDEX incident_reported_at ON intake.incident (reported_at, id)');
    await queryRunner.query('CREATE INDEX incident_country ON intake.incident (country_code, occurred_on)');
    await queryRunner.query(
      `CREATE TABLE intake.incident_version (
         incident_id uuid NOT NULL REFERENCES intake.incident (id),
         version integer NOT NULL,
         change varchar(16) NOT NULL,
         changed_at timestamptz NOT NULL,
         changed_by varchar(200) NOT NULL,
         reason text,
         changed_fields text[],
         state jsonb NOT NULL,
         PRIMARY KEY (incident_id, version)
       )`,
    );
    // Protected personal data, AES-256-GCM encrypted by the service; never in events or exports.
    await queryRunner.query(
      `CREATE TABLE intake.incident_protected_data (
         incident_id uuid PRIMARY KEY REFERENCES intake.incident (id),
         ciphertext bytea NOT NULL,
         iv bytea NOT NULL,
         auth_tag bytea NOT NULL,
         updated_at timestamptz NOT NULL,
         updated_by varchar(200) NOT NULL
       )`,
    );
    await queryRunner.query(
      `CREATE TABLE intake.idempotency_key (
         subject varchar(200) NOT NULL,
         key varchar(200) NOT NULL,
         request_hash char(64) NOT NULL,
         incident_id uuid NOT NULL REFERENCES intake.incident (id),
         created_at timestamptz NOT NULL DEFAULT now(),
         PRIMARY KEY (subject, key)
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE intake.idempotency_key');
    await queryRunner.query('DROP TABLE intake.incident_protected_data');
    await queryRunner.query('DROP TABLE intake.incident_version');
    await queryRunner.query('DROP TABLE intake.incident');
    await dropMessagingTablesV1(queryRunner, 'intake');
    await dropServiceSchemaV1(queryRunner, 'intake');
  }
}
