import { createHash } from 'node:crypto';
import type { EntityManager, QueryRunner } from 'typeorm';
import { canonicalJson } from '#domain';
import { createAppendOnlyGuardV1, dropAppendOnlyGuardV1 } from './schema-ddl.js';
import type { Transactions } from './transactions.js';

/** Who did or tried what to which record. Never personal data: ids, roles, action names, field names. */
export interface AuditEntry {
  actor: { subject: string; role: string; organisation: string };
  /** e.g. `protected_data.read`, `incident.verified`, `case.determined`. */
  action: string;
  recordType: string;
  recordId: string;
  outcome: 'done' | 'refused';
  detail?: string;
}

export interface StoredAuditEntry extends AuditEntry {
  sequence: number;
  at: string;
  hash: string;
}

const GENESIS = '0'.repeat(64);

/** SHA-256 of the previous entry's hash and this entry's canonical JSON: change any row and every later hash breaks. */
export function auditHash(previousHash: string, entry: Omit<StoredAuditEntry, 'hash'>): string {
  return createHash('sha256').update(previousHash).update(canonicalJson(entry)).digest('hex');
}

interface AuditRow {
  sequence: string;
  at: Date;
  actor_subject: string;
  actor_role: string;
  actor_organisation: string;
  action: string;
  record_type: string;
  record_id: string;
  outcome: 'done' | 'refused';
  detail: string | null;
  hash: string;
}

/**
 * The append-only audit table of one service schema, hash-chained. Appends take a
 * transaction-scoped advisory lock, so the chain follows commit order even with several
 * instances; an entry commits with the action it records, or not at all.
 */
export class AuditTrail {
  private readonly lockKey: string;

  constructor(private readonly schema: string) {
    this.lockKey = BigInt.asIntN(64, BigInt('0x' + createHash('sha256').update(`audit:${schema}`).digest('hex').slice(0, 16))).toString();
  }

  async record(manager: EntityManager, entry: AuditEntry, at: Date): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [this.lockKey]);
    const [last]: { sequence: string; hash: string }[] = await manager.query(
      `SELECT sequence, hash FROM "${this.schema}".audit_entry ORDER BY sequence DESC LIMIT 1`,
    );
    const sequence = last ? Number(last.sequence) + 1 : 1;
    const stored = { ...entry, detail: entry.detail ?? undefined, sequence, at: at.toISOString() };
    await manager.query(
      `INSERT INTO "${this.schema}".audit_entry
         (sequence, at, actor_subject, actor_role, actor_organisation, action, record_type, record_id, outcome, detail, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        sequence,
        at,
        entry.actor.subject,
        entry.actor.role,
        entry.actor.organisation,
        entry.action,
        entry.recordType,
        entry.recordId,
        entry.outcome,
        entry.detail ?? null,
        auditHash(last?.hash ?? GENESIS, stored),
      ],
    );
  }

  /**
   * Records an access decision: a permitted one with the caller's transaction, so it commits
   * with the action; a refused one in a transaction of its own, so it outlives the rollback.
   */
  async recordAccess(
    transactions: Transactions,
    manager: EntityManager,
    entry: Omit<AuditEntry, 'outcome'>,
    allowed: boolean,
    at: Date,
  ): Promise<void> {
    if (allowed) await this.record(manager, { ...entry, outcome: 'done' }, at);
    else await transactions.runAlone((own) => this.record(own, { ...entry, outcome: 'refused' }, at));
  }

  /** Entries after `afterSequence`, oldest first, optionally of one record or actor. */
  async find(
    manager: EntityManager,
    filter: { recordId?: string; actorSubject?: string; action?: string },
    afterSequence: number,
    limit: number,
  ): Promise<StoredAuditEntry[]> {
    const parameters: unknown[] = [afterSequence];
    const conditions = ['sequence > $1'];
    for (const [column, value] of [
      ['record_id', filter.recordId],
      ['actor_subject', filter.actorSubject],
      ['action', filter.action],
    ] as const) {
      if (value === undefined) continue;
      parameters.push(value);
      conditions.push(`${column} = $${parameters.length}`);
    }
    parameters.push(limit);
    const rows: AuditRow[] = await manager.query(
      `SELECT * FROM "${this.schema}".audit_entry WHERE ${conditions.join(' AND ')} ORDER BY sequence LIMIT $${parameters.length}`,
      parameters,
    );
    return rows.map(toEntry);
  }

  /** Walks the whole chain in order; answers the first entry whose hash or sequence does not follow. */
  async verify(manager: EntityManager, batch = 1000): Promise<{ entries: number; firstBroken?: { sequence: number; reason: string } }> {
    let previous = GENESIS;
    let expected = 1;
    for (;;) {
      const rows: AuditRow[] = await manager.query(
        `SELECT * FROM "${this.schema}".audit_entry WHERE sequence >= $1 ORDER BY sequence LIMIT $2`,
        [expected, batch],
      );
      for (const row of rows) {
        const { hash, ...entry } = toEntry(row);
        if (entry.sequence !== expected) return { entries: expected - 1, firstBroken: { sequence: expected, reason: 'entry missing' } };
        if (auditHash(previous, entry) !== hash) {
          return {
            entries: expected - 1,
            firstBroken: { sequence: entry.sequence, reason: 'hash does not match its content and predecessor' },
          };
        }
        previous = hash;
        expected++;
      }
      if (rows.length < batch) return { entries: expected - 1 };
    }
  }
}

function toEntry(row: AuditRow): StoredAuditEntry {
  return {
    sequence: Number(row.sequence),
    at: row.at.toISOString(),
    actor: { subject: row.actor_subject, role: row.actor_role, organisation: row.actor_organisation },
    action: row.action,
    recordType: row.record_type,
    recordId: row.record_id,
    outcome: row.outcome,
    detail: row.detail ?? undefined,
    hash: row.hash,
  };
}

/** The audit table of a service schema, append-only by trigger. Frozen as version 1: migrations call it. */
export async function createAuditTableV1(queryRunner: QueryRunner, schema: string): Promise<void> {
  await queryRunner.query(
    `CREATE TABLE "${schema}".audit_entry (
       sequence bigint PRIMARY KEY,
       at timestamptz NOT NULL,
       actor_subject varchar(200) NOT NULL,
       actor_role varchar(32) NOT NULL,
       actor_organisation varchar(200) NOT NULL,
       action varchar(64) NOT NULL,
       record_type varchar(32) NOT NULL,
       record_id varchar(64) NOT NULL,
       outcome varchar(16) NOT NULL,
       detail varchar(500),
       hash char(64) NOT NULL
     )`,
  );
  await queryRunner.query(`CREATE INDEX audit_entry_record ON "${schema}".audit_entry (record_id, sequence)`);
  await createAppendOnlyGuardV1(queryRunner, schema, 'audit_entry', 'the audit trail');
}

export async function dropAuditTableV1(queryRunner: QueryRunner, schema: string): Promise<void> {
  await dropAppendOnlyGuardV1(queryRunner, schema, 'audit_entry');
  await queryRunner.query(`DROP TABLE "${schema}".audit_entry`);
}
