import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Remembers which incident a caller's Idempotency-Key created, and from which request. */
@Injectable()
export class IdempotencyKeys {
  /** Serialises requests with the same key until the transaction ends. */
  async lock(manager: EntityManager, subject: string, key: string): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${subject}\n${key}`]);
  }

  async find(manager: EntityManager, subject: string, key: string): Promise<{ requestHash: string; incidentId: string } | undefined> {
    const rows: { request_hash: string; incident_id: string }[] = await manager.query(
      'SELECT request_hash, incident_id FROM intake.idempotency_key WHERE subject = $1 AND key = $2',
      [subject, key],
    );
    return rows[0] && { requestHash: rows[0].request_hash, incidentId: rows[0].incident_id };
  }

  async remember(manager: EntityManager, subject: string, key: string, requestHash: string, incidentId: string): Promise<void> {
    await manager.query('INSERT INTO intake.idempotency_key (subject, key, request_hash, incident_id) VALUES ($1, $2, $3, $4)', [
      subject,
      key,
      requestHash,
      incidentId,
    ]);
  }
}
