import type { MigrationInterface, QueryRunner } from 'typeorm';
import { createAppendOnlyGuardV1, dropAppendOnlyGuardV1 } from '#database';

/**
 * The chain of recommendation 6. The case keeps its whole state as a document (`state`),
 * with the columns lists filter on beside it; incidents, due dates and the timeline get
 * tables of their own because other queries find cases through them: an incident belongs
 * to one case, the scheduler claims due dates row by row, the timeline is append-only.
 * Cases opened before this migration (one per reported incident, imports included) are
 * kept, owned by no organisation until an admin assigns or closes them.
 */
export class RecommendationSixWorkflow1764500000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE investigation."case"
         DROP CONSTRAINT "case_incident_id_key",
         ADD COLUMN version integer NOT NULL DEFAULT 1,
         ADD COLUMN owning_organisation varchar(128) NOT NULL DEFAULT 'unassigned',
         ADD COLUMN confidentiality varchar(16) NOT NULL DEFAULT 'restricted',
         ADD COLUMN concerned_state_codes char(2)[] NOT NULL DEFAULT '{}',
         ADD COLUMN has_referral boolean NOT NULL DEFAULT false,
         ADD COLUMN closed_at timestamptz,
         ADD COLUMN state jsonb`,
    );
    await queryRunner.query(
      `UPDATE investigation."case" SET
         concerned_state_codes = ARRAY[concerned_state_code],
         state = jsonb_build_object(
           'id', id, 'reference', reference, 'version', 1, 'owningOrganisation', 'unassigned',
           'confidentiality', 'restricted', 'countryCode', country_code, 'openedAt', opened_at,
           'openedBy', 'system', 'openedBecause', 'opening_policy',
           'incidents', jsonb_build_array(jsonb_build_object(
             'incidentId', incident_id, 'incidentReference', incident_reference, 'countryCode', country_code,
             'confidentiality', 'restricted', 'kind', 'primary', 'linkedAt', opened_at)),
           'concernedStates', jsonb_build_array(jsonb_build_object(
             'stateCode', concerned_state_code, 'basis', 'territorial_state', 'stage', 'not_requested',
             'dueDates', '[]'::jsonb, 'progressReports', '[]'::jsonb, 'assessments', '[]'::jsonb, 'referrals', '[]'::jsonb)),
           'reportingPolicy', jsonb_build_object('acknowledgementDays', 30, 'firstReportDays', 90, 'reportIntervalDays', 180),
           'prosecutions', '[]'::jsonb, 'capacitySupport', '[]'::jsonb, 'survivorSupport', '[]'::jsonb,
           'evidence', '[]'::jsonb, 'reviewFlags', '[]'::jsonb, 'timelineLength', 1)`,
    );
    await queryRunner.query(`ALTER TABLE investigation."case" ALTER COLUMN state SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX case_stage ON investigation."case" (stage, id)`);
    await queryRunner.query(`CREATE INDEX case_concerned_states ON investigation."case" USING gin (concerned_state_codes)`);

    await queryRunner.query(
      `CREATE TABLE investigation.case_incident (
         incident_id uuid PRIMARY KEY,
         case_id uuid NOT NULL REFERENCES investigation."case" (id),
         kind varchar(16) NOT NULL
       )`,
    );
    await queryRunner.query(`CREATE INDEX case_incident_case ON investigation.case_incident (case_id)`);
    await queryRunner.query(
      `INSERT INTO investigation.case_incident (incident_id, case_id, kind) SELECT incident_id, id, 'primary' FROM investigation."case"`,
    );

    await queryRunner.query(
      `CREATE TABLE investigation.case_timeline (
         case_id uuid NOT NULL REFERENCES investigation."case" (id),
         sequence integer NOT NULL,
         version integer NOT NULL,
         at timestamptz NOT NULL,
         actor varchar(200) NOT NULL,
         action varchar(48) NOT NULL,
         concerned_state_code char(2),
         summary text NOT NULL,
         reason text,
         PRIMARY KEY (case_id, sequence)
       )`,
    );
    await queryRunner.query(
      `INSERT INTO investigation.case_timeline (case_id, sequence, version, at, actor, action, summary)
       SELECT id, 1, 1, opened_at, 'system', 'open', 'Opened for ' || incident_reference FROM investigation."case"`,
    );
    // The timeline is evidence of who did what: rows are never changed or removed.
    await createAppendOnlyGuardV1(queryRunner, 'investigation', 'case_timeline', 'the case timeline');

    await queryRunner.query(
      `CREATE TABLE investigation.due_date (
         id uuid PRIMARY KEY,
         case_id uuid NOT NULL REFERENCES investigation."case" (id),
         concerned_state_code char(2) NOT NULL,
         kind varchar(24) NOT NULL,
         sequence integer NOT NULL,
         due_on date NOT NULL,
         fulfilled_on date,
         overdue_notified_on date,
         cancelled_on date
       )`,
    );
    // What the scheduler claims: open dates not yet announced.
    await queryRunner.query(
      `CREATE INDEX due_date_pending ON investigation.due_date (due_on)
       WHERE fulfilled_on IS NULL AND cancelled_on IS NULL AND overdue_notified_on IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX due_date_case ON investigation.due_date (case_id)`);

    await queryRunner.query(
      `CREATE TABLE investigation.incident_fact (
         incident_id uuid PRIMARY KEY,
         reference varchar(20) NOT NULL,
         version integer NOT NULL,
         status varchar(16) NOT NULL,
         country_code char(2) NOT NULL,
         concerned_state_code char(2) NOT NULL,
         occurred_on varchar(10) NOT NULL,
         confidentiality varchar(16) NOT NULL,
         reporting_organisation varchar(128) NOT NULL,
         imported boolean NOT NULL,
         facts jsonb NOT NULL
       )`,
    );

    await queryRunner.query(
      `CREATE TABLE investigation.case_protected_data (
         case_id uuid PRIMARY KEY REFERENCES investigation."case" (id),
         ciphertext bytea NOT NULL,
         iv bytea NOT NULL,
         auth_tag bytea NOT NULL,
         updated_at timestamptz NOT NULL,
         updated_by varchar(200) NOT NULL
       )`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE investigation.case_protected_data');
    await queryRunner.query('DROP TABLE investigation.incident_fact');
    await queryRunner.query('DROP TABLE investigation.due_date');
    await dropAppendOnlyGuardV1(queryRunner, 'investigation', 'case_timeline');
    await queryRunner.query('DROP TABLE investigation.case_timeline');
    // Cases that grouped several incidents go back to one row per primary incident.
    await queryRunner.query('DROP TABLE investigation.case_incident');
    await queryRunner.query('DROP INDEX investigation.case_concerned_states');
    await queryRunner.query('DROP INDEX investigation.case_stage');
    await queryRunner.query(
      `ALTER TABLE investigation."case"
         DROP COLUMN state, DROP COLUMN closed_at, DROP COLUMN has_referral,
         DROP COLUMN concerned_state_codes, DROP COLUMN confidentiality, DROP COLUMN owning_organisation, DROP COLUMN version,
         ADD CONSTRAINT "case_incident_id_key" UNIQUE (incident_id)`,
    );
  }
}
