import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IncidentStatus } from '#contracts';
import type { IncidentFigures } from '../domain/incident-figures.js';

/**
 * The figures projection. Every write is keyed by incident and guarded by the incident's
 * version, so replaying the topics from offset zero rebuilds the same rows as the live ones.
 */
@Injectable()
export class FiguresRepository {
  async recordIncident(manager: EntityManager, incident: IncidentFigures): Promise<void> {
    const applied: unknown[] = await manager.query(
      `INSERT INTO reporting.incident_summary (incident_id, version, status, country_code, year, confidentiality, owning_organisation)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (incident_id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
         country_code = EXCLUDED.country_code, year = EXCLUDED.year,
         confidentiality = EXCLUDED.confidentiality, owning_organisation = EXCLUDED.owning_organisation
       WHERE reporting.incident_summary.version IS NULL OR reporting.incident_summary.version < EXCLUDED.version
       RETURNING incident_id`,
      [
        incident.incidentId,
        incident.version,
        incident.status,
        incident.countryCode,
        incident.year,
        incident.confidentiality,
        incident.owningOrganisation,
      ],
    );
    if (applied.length === 0) return;
    await manager.query('DELETE FROM reporting.personnel_figure WHERE incident_id = $1', [incident.incidentId]);
    for (const figure of incident.figures) {
      await manager.query('INSERT INTO reporting.personnel_figure (incident_id, harm, status, count) VALUES ($1, $2, $3, $4)', [
        incident.incidentId,
        figure.harm,
        figure.status,
        figure.count,
      ]);
    }
  }

  async recordStatus(manager: EntityManager, incidentId: string, version: number, status: IncidentStatus): Promise<void> {
    await manager.query(
      `UPDATE reporting.incident_summary SET status = $3, version = $2
       WHERE incident_id = $1 AND (version IS NULL OR version < $2)`,
      [incidentId, version, status],
    );
  }

  /** Case events may arrive before the incident's (another topic): the summary row is created either way. */
  async recordCaseOpened(manager: EntityManager, caseId: string, incidentId: string, openedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO reporting.incident_summary (incident_id, case_id, case_opened_at) VALUES ($1, $2, $3)
       ON CONFLICT (incident_id) DO UPDATE SET case_id = EXCLUDED.case_id, case_opened_at = EXCLUDED.case_opened_at`,
      [incidentId, caseId, openedAt],
    );
  }
}
