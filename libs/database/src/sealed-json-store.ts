import type { EntityManager } from 'typeorm';
import type { ProtectedDataCipher } from './protected-data.cipher.js';

/**
 * Protected personal data of one record, as JSON sealed by the cipher (bound to the record's
 * id) in one row of `table`: key column, ciphertext, iv, auth_tag, updated_at, updated_by.
 * A service's repository names its table; the sealing is written once.
 */
export class SealedJsonStore<T> {
  constructor(
    private readonly cipher: ProtectedDataCipher,
    /** Schema-qualified, e.g. `intake.incident_protected_data`. */
    private readonly table: string,
    private readonly keyColumn: string,
  ) {}

  async save(manager: EntityManager, recordId: string, data: T, by: string): Promise<void> {
    const sealed = this.cipher.seal(recordId, JSON.stringify(data));
    await manager.query(
      `INSERT INTO ${this.table} (${this.keyColumn}, ciphertext, iv, auth_tag, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, now(), $5)
       ON CONFLICT (${this.keyColumn}) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, iv = EXCLUDED.iv, auth_tag = EXCLUDED.auth_tag,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [recordId, sealed.ciphertext, sealed.iv, sealed.authTag, by],
    );
  }

  async load(manager: EntityManager, recordId: string): Promise<T | undefined> {
    const rows: { ciphertext: Buffer; iv: Buffer; auth_tag: Buffer }[] = await manager.query(
      `SELECT ciphertext, iv, auth_tag FROM ${this.table} WHERE ${this.keyColumn} = $1`,
      [recordId],
    );
    if (rows.length === 0) return undefined;
    return JSON.parse(this.cipher.open(recordId, { ciphertext: rows[0].ciphertext, iv: rows[0].iv, authTag: rows[0].auth_tag })) as T;
  }
}
