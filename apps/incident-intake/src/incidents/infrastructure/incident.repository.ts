import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { allocateReference } from '#database';
import { StaleVersionError } from '#domain';
import type { Incident, IncidentChange, IncidentState } from '../domain/incident.js';
import { IncidentEntity } from './incident.entity.js';
import { IncidentMapper } from './incident.mapper.js';

/** One stored version of an incident, as GET /incidents/:id/history shows it. */
export interface IncidentHistoryEntry {
  version: number;
  change: IncidentChange['change'];
  at: Date;
  by: string;
  reason?: string;
  changedFields?: string[];
  state: Pick<IncidentState, 'version' | 'status' | 'details' | 'rejection'>;
}

@Injectable()
export class IncidentRepository {
  nextReference(manager: EntityManager, year: number): Promise<string> {
    return allocateReference(manager, 'intake', 'INC', year);
  }

  async insert(manager: EntityManager, incident: Incident): Promise<void> {
    await manager.insert(IncidentEntity, IncidentMapper.toEntity(incident));
    await this.appendHistory(manager, incident.id, incident.pullChanges());
  }

  /**
   * Saves a changed incident if nobody saved another version since `expectedVersion` was read;
   * otherwise the change is refused, never silently overwritten.
   */
  async update(manager: EntityManager, incident: Incident, expectedVersion: number): Promise<void> {
    const changes = incident.pullChanges();
    if (changes.length === 0) return;
    const { id, ...columns } = IncidentMapper.toEntity(incident);
    const result = await manager.update(IncidentEntity, { id, version: expectedVersion }, columns);
    if (result.affected !== 1) {
      throw new StaleVersionError(
        `Incident ${incident.state.reference} has changed since version ${expectedVersion}; reload it and apply the change again`,
      );
    }
    await this.appendHistory(manager, id, changes);
  }

  async findById(manager: EntityManager, id: string): Promise<Incident | undefined> {
    const entity = await manager.findOneBy(IncidentEntity, { id });
    return entity ? IncidentMapper.toDomain(entity) : undefined;
  }

  /** The incidents imported before from `source` under any of `externalIds`, by external id. */
  async findImported(
    manager: EntityManager,
    source: string,
    externalIds: readonly string[],
  ): Promise<Map<string, { reference: string; fingerprint: string | null }>> {
    const rows: { external_id: string; reference: string; external_fingerprint: string | null }[] = await manager.query(
      'SELECT external_id, reference, external_fingerprint FROM intake.incident WHERE external_source = $1 AND external_id = ANY($2)',
      [source, externalIds],
    );
    return new Map(rows.map((row) => [row.external_id, { reference: row.reference, fingerprint: row.external_fingerprint }]));
  }

  async setImportFingerprints(manager: EntityManager, fingerprints: readonly { id: string; fingerprint: string }[]): Promise<void> {
    if (fingerprints.length === 0) return;
    await manager.query(
      `UPDATE intake.incident i SET external_fingerprint = f.fingerprint
       FROM unnest($1::uuid[], $2::text[]) AS f(id, fingerprint) WHERE i.id = f.id`,
      [fingerprints.map(({ id }) => id), fingerprints.map(({ fingerprint }) => fingerprint)],
    );
  }

  async history(manager: EntityManager, id: string): Promise<IncidentHistoryEntry[]> {
    const rows: {
      version: number;
      change: IncidentChange['change'];
      changed_at: Date;
      changed_by: string;
      reason: string | null;
      changed_fields: string[] | null;
      state: IncidentHistoryEntry['state'];
    }[] = await manager.query(
      `SELECT version, change, changed_at, changed_by, reason, changed_fields, state FROM intake.incident_version
         WHERE incident_id = $1 ORDER BY version`,
      [id],
    );
    return rows.map((row) => ({
      version: row.version,
      change: row.change,
      at: row.changed_at,
      by: row.changed_by,
      reason: row.reason ?? undefined,
      changedFields: row.changed_fields ?? undefined,
      state: row.state,
    }));
  }

  private async appendHistory(manager: EntityManager, id: string, changes: IncidentChange[]): Promise<void> {
    for (const change of changes) {
      const { details, status, rejection, version } = change.state;
      await manager.query(
        `INSERT INTO intake.incident_version (incident_id, version, change, changed_at, changed_by, reason, changed_fields, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          id,
          change.version,
          change.change,
          change.at,
          change.by,
          change.reason ?? null,
          change.changedFields ?? null,
          JSON.stringify({ version, status, details, rejection }),
        ],
      );
    }
  }
}
