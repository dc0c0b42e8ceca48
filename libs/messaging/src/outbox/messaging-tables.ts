import type { QueryRunner } from 'typeorm';

/**
 * Outbox and inbox tables of one service schema. The outbox keeps the columns Debezium's
 * outbox event router expects (id, aggregatetype, aggregateid, type, payload), so production
 * can replace the relay with CDC; `position` gives the commit order the relay publishes in.
 * Frozen as version 1 because migrations call it; a change needs a new version.
 */
export async function createMessagingTablesV1(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(
    `CREATE TABLE "${schema}".outbox (
       id uuid PRIMARY KEY,
       aggregatetype varchar(64) NOT NULL,
       aggregateid varchar(64) NOT NULL,
       type varchar(128) NOT NULL,
       payload jsonb NOT NULL,
       topic varchar(249) NOT NULL,
       headers jsonb NOT NULL,
       position bigserial NOT NULL UNIQUE,
       created_at timestamptz NOT NULL DEFAULT now(),
       published_at timestamptz
     )`,
  );
  await queryRunner.query(`CREATE INDEX outbox_unpublished ON "${schema}".outbox (position) WHERE published_at IS NULL`);
  // Wakes the relay when the inserting transaction commits (NOTIFY is transactional).
  await queryRunner.query(
    `CREATE FUNCTION "${schema}".notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN PERFORM pg_notify('${schema}_outbox', ''); RETURN NULL; END $$`,
  );
  await queryRunner.query(
    `CREATE TRIGGER outbox_inserted AFTER INSERT ON "${schema}".outbox
     FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".notify_outbox()`,
  );
  await queryRunner.query(
    `CREATE TABLE "${schema}".inbox (
       consumer_group varchar(128) NOT NULL,
       event_id varchar(128) NOT NULL,
       event_type varchar(128) NOT NULL,
       processed_at timestamptz NOT NULL DEFAULT now(),
       PRIMARY KEY (consumer_group, event_id)
     )`,
  );
}

export async function dropMessagingTablesV1(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP TABLE "${schema}".inbox`);
  await queryRunner.query(`DROP TRIGGER outbox_inserted ON "${schema}".outbox`);
  await queryRunner.query(`DROP FUNCTION "${schema}".notify_outbox()`);
  await queryRunner.query(`DROP TABLE "${schema}".outbox`);
}

/**
 * Parking of outbox rows that can never be published (version 2). Columns are added beside
 * the Debezium ones, which keep their shape. A parked row keeps `published_at` null and holds
 * its aggregate's later rows; `discarded_at` releases them without publishing it.
 */
export async function addOutboxParkingV2(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(
    `ALTER TABLE "${schema}".outbox
       ADD COLUMN publish_attempts integer NOT NULL DEFAULT 0,
       ADD COLUMN last_error text,
       ADD COLUMN parked_at timestamptz,
       ADD COLUMN parked_reason text,
       ADD COLUMN discarded_at timestamptz`,
  );
  await queryRunner.query(
    `CREATE INDEX outbox_parked ON "${schema}".outbox (aggregatetype, aggregateid)
     WHERE parked_at IS NOT NULL AND discarded_at IS NULL AND published_at IS NULL`,
  );
}

export async function dropOutboxParkingV2(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(`DROP INDEX "${schema}".outbox_parked`);
  await queryRunner.query(
    `ALTER TABLE "${schema}".outbox
       DROP COLUMN discarded_at,
       DROP COLUMN parked_reason,
       DROP COLUMN parked_at,
       DROP COLUMN last_error,
       DROP COLUMN publish_attempts`,
  );
}
