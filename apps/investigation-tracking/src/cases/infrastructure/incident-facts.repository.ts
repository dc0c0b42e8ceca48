import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IncidentStatus } from '#contracts';
import type { IncidentFacts } from '../domain/opening-policy.js';

/**
 * investigation-tracking's copy of each incident's facts, kept from intake's events. Writes
 * are guarded by the incident's version, so a replayed or late event never moves it back.
 */
@Injectable()
export class IncidentFactsRepository {
  async record(manager: EntityManager, facts: IncidentFacts): Promise<boolean> {
    const applied: unknown[] = await manager.query(
      `INSERT INTO investigation.incident_fact (incident_id, reference, version, status, country_code, concerned_state_code,
         occurred_on, confidentiality, reporting_organisation, imported, facts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (incident_id) DO UPDATE SET reference = EXCLUDED.reference, version = EXCLUDED.version, status = EXCLUDED.status,
         country_code = EXCLUDED.country_code, concerned_state_code = EXCLUDED.concerned_state_code, occurred_on = EXCLUDED.occurred_on,
         confidentiality = EXCLUDED.confidentiality, reporting_organisation = EXCLUDED.reporting_organisation,
         imported = EXCLUDED.imported, facts = EXCLUDED.facts
       WHERE incident_fact.version < EXCLUDED.version
       RETURNING incident_id`,
      [
        facts.incidentId,
        facts.reference,
        facts.version,
        facts.status,
        facts.countryCode,
        facts.concernedStateCode,
        facts.occurredOn,
        facts.confidentiality,
        facts.reportingOrganisation,
        facts.imported,
        JSON.stringify({ personnel: facts.personnel, assets: facts.assets }),
      ],
    );
    return applied.length === 1;
  }

  /** Verification and rejection change the status only; false when the event is older than the copy. */
  async recordStatus(manager: EntityManager, incidentId: string, version: number, status: IncidentStatus): Promise<boolean> {
    // For an UPDATE the driver answers [rows, affected].
    const [, affected]: [unknown[], number] = await manager.query(
      `UPDATE investigation.incident_fact SET status = $3, version = $2 WHERE incident_id = $1 AND version < $2`,
      [incidentId, version, status],
    );
    return affected === 1;
  }

  async find(manager: EntityManager, incidentId: string): Promise<IncidentFacts | undefined> {
    const rows: {
      incident_id: string;
      reference: string;
      version: number;
      status: IncidentStatus;
      country_code: string;
      concerned_state_code: string;
      occurred_on: string;
      confidentiality: IncidentFacts['confidentiality'];
      reporting_organisation: string;
      imported: boolean;
      facts: Pick<IncidentFacts, 'personnel' | 'assets'>;
    }[] = await manager.query('SELECT * FROM investigation.incident_fact WHERE incident_id = $1', [incidentId]);
    const row = rows[0];
    return (
      row && {
        incidentId: row.incident_id,
        reference: row.reference,
        version: row.version,
        status: row.status,
        countryCode: row.country_code,
        concernedStateCode: row.concerned_state_code,
        occurredOn: row.occurred_on,
        confidentiality: row.confidentiality,
        reportingOrganisation: row.reporting_organisation,
        imported: row.imported,
        personnel: row.facts.personnel,
        assets: row.facts.assets,
      }
    );
  }
}
