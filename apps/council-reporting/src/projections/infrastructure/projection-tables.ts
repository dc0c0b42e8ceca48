import type { EntityManager, QueryRunner } from 'typeorm';

/**
 * The read models council-reporting builds from the topics, in the order they are created.
 * They hold nothing that cannot be rebuilt from offset zero, so a rebuild creates them in a
 * fresh schema and swaps them in. No foreign keys: the topics arrive in any order between
 * aggregates, and `CREATE TABLE … (LIKE …)` copies the rest.
 */
export const ProjectionTables = [
  'projection_position',
  'incident_summary',
  'personnel_figure',
  'asset_figure',
  'case_summary',
  'case_incident',
  'case_state',
  'case_overdue',
  'case_referral',
  'case_prosecution',
  'case_capacity_support',
  'case_survivor_support',
] as const;
export type ProjectionTable = (typeof ProjectionTables)[number];

/** The live projections. */
export const LiveProjectionSchema = 'reporting';

/** `"schema".table`, for SQL that runs against the live projections or a rebuild's. */
export function projectionTable(schema: string, table: ProjectionTable): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Not a projection schema name: ${schema}`);
  return `"${schema}".${table}`;
}

type Sql = Pick<EntityManager | QueryRunner, 'query'>;

/** Version 1 of the projection tables, as the migration creates them. */
export async function createProjectionTablesV1(sql: Sql, schema: string): Promise<void> {
  const t = (table: ProjectionTable) => projectionTable(schema, table);
  // How far each topic partition has been projected: an event below it was applied already.
  await sql.query(`CREATE TABLE ${t('projection_position')} (
      topic varchar(249) NOT NULL, partition integer NOT NULL, next_offset bigint NOT NULL, PRIMARY KEY (topic, partition))`);
  await sql.query(`CREATE TABLE ${t('incident_summary')} (
      incident_id uuid PRIMARY KEY,
      reference varchar(32) NOT NULL,
      version integer NOT NULL,
      status varchar(16) NOT NULL,
      country_code char(2) NOT NULL,
      concerned_state_code char(2) NOT NULL,
      region varchar(64) NOT NULL,
      occurred_on varchar(10) NOT NULL,
      -- The first and last day the incident date may be, so a period keeps an incident known
      -- only to the month or year when the whole of it falls inside.
      occurred_from date NOT NULL,
      occurred_to date NOT NULL,
      year integer NOT NULL,
      month integer,
      means_of_attack varchar(32) NOT NULL,
      perpetrator_category varchar(48) NOT NULL,
      confidentiality varchar(16) NOT NULL,
      owning_organisation varchar(128) NOT NULL)`);
  await sql.query(`CREATE INDEX ON ${t('incident_summary')} (occurred_from, occurred_to)`);
  await sql.query(`CREATE INDEX ON ${t('incident_summary')} (country_code, year)`);
  await sql.query(`CREATE TABLE ${t('personnel_figure')} (
      incident_id uuid NOT NULL,
      harm varchar(32) NOT NULL,
      status varchar(16) NOT NULL,
      affiliation varchar(32) NOT NULL,
      gender varchar(16) NOT NULL,
      count integer NOT NULL CHECK (count > 0),
      PRIMARY KEY (incident_id, harm, status, affiliation, gender))`);
  await sql.query(`CREATE TABLE ${t('asset_figure')} (
      incident_id uuid NOT NULL,
      asset_type varchar(32) NOT NULL,
      un boolean NOT NULL,
      destroyed boolean NOT NULL,
      PRIMARY KEY (incident_id, asset_type, un, destroyed))`);
  await sql.query(`CREATE TABLE ${t('case_summary')} (
      case_id uuid PRIMARY KEY,
      reference varchar(32) NOT NULL,
      primary_incident_id uuid NOT NULL,
      opened_at timestamptz NOT NULL,
      -- NULL in cases opened before the events carried them: counted for admins only.
      confidentiality varchar(16),
      owning_organisation varchar(128),
      closed_on date,
      flagged_for_review boolean NOT NULL DEFAULT false)`);
  // An incident belongs to at most one case; a duplicate counts once in every figure.
  await sql.query(`CREATE TABLE ${t('case_incident')} (
      incident_id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      link_kind varchar(16) NOT NULL,
      duplicate_of_incident_id uuid)`);
  await sql.query(`CREATE INDEX ON ${t('case_incident')} (case_id)`);
  await sql.query(`CREATE TABLE ${t('case_state')} (
      case_id uuid NOT NULL,
      state_code char(2) NOT NULL,
      requested_on date,
      acknowledged_on date,
      reports_received integer NOT NULL DEFAULT 0,
      last_report_on date,
      assessed_on date,
      ratings jsonb,
      determination_proposed_on date,
      determination_finding varchar(32),
      determined_on date,
      PRIMARY KEY (case_id, state_code))`);
  // One row per missed date; open until the awaited report arrives or the case closes.
  await sql.query(`CREATE TABLE ${t('case_overdue')} (
      due_date_id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      state_code char(2) NOT NULL,
      due_kind varchar(32) NOT NULL,
      due_on date NOT NULL,
      resolved_on date)`);
  await sql.query(`CREATE INDEX ON ${t('case_overdue')} (case_id, state_code)`);
  await sql.query(`CREATE TABLE ${t('case_referral')} (
      referral_id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      state_code char(2) NOT NULL,
      mechanism varchar(64) NOT NULL,
      status varchar(48) NOT NULL,
      status_on date NOT NULL,
      outcome varchar(32))`);
  await sql.query(`CREATE TABLE ${t('case_prosecution')} (
      prosecution_id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      state_code char(2) NOT NULL,
      accused_count integer NOT NULL,
      trial_status varchar(32) NOT NULL,
      verdict varchar(16),
      status_on date NOT NULL)`);
  await sql.query(`CREATE TABLE ${t('case_capacity_support')} (
      support_id uuid PRIMARY KEY,
      case_id uuid NOT NULL,
      kind varchar(48) NOT NULL,
      status varchar(16) NOT NULL)`);
  await sql.query(`CREATE TABLE ${t('case_survivor_support')} (
      case_id uuid NOT NULL,
      kind varchar(48) NOT NULL,
      persons_supported integer NOT NULL,
      status varchar(16) NOT NULL,
      PRIMARY KEY (case_id, kind))`);
}

/**
 * Version 2: each incident's number of people beside its figures, so an incident-level figure
 * sums one column instead of aggregating the personnel table (seconds at a million incidents).
 */
export async function addIncidentPeopleV2(sql: Sql, schema: string): Promise<void> {
  await sql.query(`ALTER TABLE ${projectionTable(schema, 'incident_summary')} ADD COLUMN people integer NOT NULL DEFAULT 0`);
  await sql.query(
    `UPDATE ${projectionTable(schema, 'incident_summary')} s SET people = p.people
     FROM (SELECT incident_id, sum(count) AS people FROM ${projectionTable(schema, 'personnel_figure')} GROUP BY incident_id) p
     WHERE p.incident_id = s.incident_id`,
  );
}

export async function dropIncidentPeopleV2(sql: Sql, schema: string): Promise<void> {
  await sql.query(`ALTER TABLE ${projectionTable(schema, 'incident_summary')} DROP COLUMN people`);
}

/** The projection tables as the migrations leave them today, in a schema of a test's own. */
export async function createProjectionTables(sql: Sql, schema: string): Promise<void> {
  await createProjectionTablesV1(sql, schema);
  await addIncidentPeopleV2(sql, schema);
}

/**
 * A fresh schema holding empty projection tables shaped as the live ones are, whatever later
 * migrations did to them, for a rebuild or a replay to a report's watermark.
 */
export async function createProjectionSchemaLike(sql: Sql, live: string, schema: string): Promise<void> {
  await sql.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await sql.query(`CREATE SCHEMA "${schema}"`);
  for (const table of ProjectionTables) {
    await sql.query(`CREATE TABLE ${projectionTable(schema, table)} (LIKE ${projectionTable(live, table)} INCLUDING ALL)`);
  }
}

export async function dropProjectionTablesV1(sql: Sql, schema: string): Promise<void> {
  for (const table of [...ProjectionTables].reverse()) await sql.query(`DROP TABLE IF EXISTS ${projectionTable(schema, table)}`);
}
