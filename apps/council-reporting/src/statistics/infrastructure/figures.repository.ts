import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PersonnelFigure } from '../domain/incident-figures.js';

/**
 * The figures projection. Writes are upserts keyed by incident, so rebuilding it from the
 * topics (from offset zero) gives the same rows as the live one.
 */
@Injectable()
export class FiguresRepository {
  async recordIncident(
    manager: EntityManager,
    incident: { incidentId: string; countryCode: string; year: number; figures: PersonnelFigure[] },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO reporting.incident_summary (incident_id, country_code, year) VALUES ($1, $2, $3)
       ON CONFLICT (incident_id) DO UPDATE SET country_code = EXCLUDED.country_code, year = EXCLUDED.year`,
      [incident.incidentId, incident.countryCode, incident.year],
    );
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

  /** Case events may arrive before the incident's (different topics): the summary row is created either way. */
  async recordCaseOpened(manager: EntityManager, caseId: string, incidentId: string, openedAt: Date): Promise<void> {
    await manager.query(
      `INSERT INTO reporting.incident_summary (incident_id, case_id, case_opened_at) VALUES ($1, $2, $3)
       ON CONFLICT (incident_id) DO UPDATE SET case_id = EXCLUDED.case_id, case_opened_at = EXCLUDED.case_opened_at`,
      [incidentId, caseId, openedAt],
    );
  }
}
