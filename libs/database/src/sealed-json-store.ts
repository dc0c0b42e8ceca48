import type { DataSource, EntityManager } from 'typeorm';
import type { ProtectedDataKeyring } from './protected-data-keyring.js';

/** What one pass of `SealedJsonStore.rotate` did, and what it left. */
export interface KeyRotationResult {
  table: string;
  currentKeyId: string;
  /** Rows re-sealed under the current key. */
  rotated: number;
  /** Rows still under another key of the keyring: locked by a running service during the pass, or written by an instance with an older keyring. */
  remaining: number;
  /** Rows under key ids the keyring does not hold, by id: they cannot be opened, so they are left as they are. */
  unknownKeys: Record<string, number>;
}

interface SealedRow {
  record_id: string;
  key_id: string;
  ciphertext: Buffer;
  iv: Buffer;
  auth_tag: Buffer;
}

/**
 * Protected personal data of one record, as JSON sealed by the keyring (bound to the record's
 * id) in one row of `table`: key column, key_id, ciphertext, iv, auth_tag, updated_at, updated_by.
 * A service's repository names its table; the sealing is written once.
 */
export class SealedJsonStore<T> {
  constructor(
    private readonly keyring: ProtectedDataKeyring,
    /** Schema-qualified, e.g. `intake.incident_protected_data`. */
    readonly table: string,
    private readonly keyColumn: string,
  ) {}

  /** `at` is the service's clock time of the write (`updated_at`). */
  async save(manager: EntityManager, recordId: string, data: T, by: string, at: Date): Promise<void> {
    const sealed = this.keyring.seal(recordId, JSON.stringify(data));
    await manager.query(
      `INSERT INTO ${this.table} (${this.keyColumn}, key_id, ciphertext, iv, auth_tag, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, $5, $7, $6)
       ON CONFLICT (${this.keyColumn}) DO UPDATE SET key_id = EXCLUDED.key_id, ciphertext = EXCLUDED.ciphertext, iv = EXCLUDED.iv,
         auth_tag = EXCLUDED.auth_tag, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [recordId, sealed.keyId, sealed.ciphertext, sealed.iv, sealed.authTag, by, at],
    );
  }

  async load(manager: EntityManager, recordId: string): Promise<T | undefined> {
    const rows: Omit<SealedRow, 'record_id'>[] = await manager.query(
      `SELECT key_id, ciphertext, iv, auth_tag FROM ${this.table} WHERE ${this.keyColumn} = $1`,
      [recordId],
    );
    if (rows.length === 0) return undefined;
    const [row] = rows;
    return JSON.parse(
      this.keyring.open(recordId, { keyId: row.key_id, ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag }),
    ) as T;
  }

  /**
   * Re-seals under the current key every row sealed under another key of the keyring,
   * `batchSize` rows a transaction. `FOR UPDATE SKIP LOCKED` lets it run beside the services:
   * a row a service is writing is skipped (the service seals it with the current key anyway,
   * or a later pass takes it). `updated_at`/`updated_by` are kept: the data did not change.
   * Running it again when nothing is left rotates nothing.
   */
  async rotate(dataSource: DataSource, batchSize = 200): Promise<KeyRotationResult> {
    const current = this.keyring.currentKeyId;
    const older = this.keyring.keyIds.filter((id) => id !== current);
    let rotated = 0;
    let batch: number;
    do {
      batch = older.length === 0 ? 0 : await this.rotateBatch(dataSource, older, batchSize);
      rotated += batch;
    } while (batch === batchSize);
    const left: { key_id: string; rows: number }[] = await dataSource.query(
      `SELECT key_id, count(*)::int AS rows FROM ${this.table} WHERE key_id <> $1 GROUP BY key_id ORDER BY key_id`,
      [current],
    );
    const unknown = left.filter((row) => !this.keyring.has(row.key_id));
    return {
      table: this.table,
      currentKeyId: current,
      rotated,
      remaining: left.filter((row) => this.keyring.has(row.key_id)).reduce((sum, row) => sum + row.rows, 0),
      unknownKeys: Object.fromEntries(unknown.map((row) => [row.key_id, row.rows])),
    };
  }

  /** One transaction of `rotate`: up to `batchSize` unlocked rows under `older` keys, re-sealed. */
  private rotateBatch(dataSource: DataSource, older: string[], batchSize: number): Promise<number> {
    return dataSource.transaction(async (manager) => {
      const rows: SealedRow[] = await manager.query(
        `SELECT ${this.keyColumn}::text AS record_id, key_id, ciphertext, iv, auth_tag FROM ${this.table}
         WHERE key_id = ANY($1) ORDER BY ${this.keyColumn} LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [older, batchSize],
      );
      for (const row of rows) {
        const plaintext = this.keyring.open(row.record_id, {
          keyId: row.key_id,
          ciphertext: row.ciphertext,
          iv: row.iv,
          authTag: row.auth_tag,
        });
        const sealed = this.keyring.seal(row.record_id, plaintext);
        await manager.query(`UPDATE ${this.table} SET key_id = $2, ciphertext = $3, iv = $4, auth_tag = $5 WHERE ${this.keyColumn} = $1`, [
          row.record_id,
          sealed.keyId,
          sealed.ciphertext,
          sealed.iv,
          sealed.authTag,
        ]);
      }
      return rows.length;
    });
  }
}
