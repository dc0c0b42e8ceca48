import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ProtectedDataCipher } from '#database';
import type { ProtectedData } from '../domain/protected-data.js';

@Injectable()
export class ProtectedDataRepository {
  constructor(@Inject(ProtectedDataCipher) private readonly cipher: ProtectedDataCipher) {}

  async save(manager: EntityManager, incidentId: string, data: ProtectedData, by: string): Promise<void> {
    const sealed = this.cipher.seal(incidentId, JSON.stringify(data));
    await manager.query(
      `INSERT INTO intake.incident_protected_data (incident_id, ciphertext, iv, auth_tag, updated_at, updated_by)
       VALUES ($1, $2, $3, $4, now(), $5)
       ON CONFLICT (incident_id) DO UPDATE SET ciphertext = EXCLUDED.ciphertext, iv = EXCLUDED.iv, auth_tag = EXCLUDED.auth_tag,
         updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
      [incidentId, sealed.ciphertext, sealed.iv, sealed.authTag, by],
    );
  }

  async load(manager: EntityManager, incidentId: string): Promise<ProtectedData | undefined> {
    const rows: { ciphertext: Buffer; iv: Buffer; auth_tag: Buffer }[] = await manager.query(
      'SELECT ciphertext, iv, auth_tag FROM intake.incident_protected_data WHERE incident_id = $1',
      [incidentId],
    );
    if (rows.length === 0) return undefined;
    return JSON.parse(
      this.cipher.open(incidentId, { ciphertext: rows[0].ciphertext, iv: rows[0].iv, authTag: rows[0].auth_tag }),
    ) as ProtectedData;
  }
}
