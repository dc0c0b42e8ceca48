import { Injectable } from '@nestjs/common';
import {
  IncidentAmended,
  IncidentRejected,
  IncidentReported,
  IncidentVerified,
  type IncidentEventV1,
  type IncidentSnapshotV1,
} from '#contracts';
import type { CloudEvent } from '#messaging';
import { incidentRecordOf } from '../domain/incident-record.js';
import type { Projection, ProjectionTarget } from './projection.js';

/**
 * Incidents and their figures. Every write is guarded by the incident's version, so an older
 * event never overwrites a newer state.
 */
@Injectable()
export class IncidentProjection implements Projection {
  readonly contracts = [IncidentReported, IncidentAmended, IncidentVerified, IncidentRejected];

  async project(target: ProjectionTarget, event: CloudEvent<object>): Promise<void> {
    const payload = event.data as IncidentEventV1;
    switch (event.type) {
      case IncidentReported.type:
      case IncidentAmended.type:
        return this.record(target, event.data as IncidentSnapshotV1);
      case IncidentVerified.type:
      case IncidentRejected.type:
        await target.query(
          `UPDATE ${target.table('incident_summary')} SET status = $3, version = $2 WHERE incident_id = $1 AND version < $2`,
          [payload.incidentId, payload.version, event.type === IncidentVerified.type ? 'verified' : 'rejected'],
        );
    }
  }

  private async record(target: ProjectionTarget, snapshot: IncidentSnapshotV1): Promise<void> {
    const r = incidentRecordOf(snapshot);
    const [applied] = await target.query<{ inserted: boolean }[]>(
      `INSERT INTO ${target.table('incident_summary')} AS s (incident_id, reference, version, status, country_code, concerned_state_code,
         region, occurred_on, occurred_from, occurred_to, year, month, means_of_attack, perpetrator_category, confidentiality,
         owning_organisation)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
       ON CONFLICT (incident_id) DO UPDATE SET reference = EXCLUDED.reference, version = EXCLUDED.version, status = EXCLUDED.status,
         country_code = EXCLUDED.country_code, concerned_state_code = EXCLUDED.concerned_state_code, region = EXCLUDED.region,
         occurred_on = EXCLUDED.occurred_on, occurred_from = EXCLUDED.occurred_from, occurred_to = EXCLUDED.occurred_to,
         year = EXCLUDED.year, month = EXCLUDED.month, means_of_attack = EXCLUDED.means_of_attack,
         perpetrator_category = EXCLUDED.perpetrator_category, confidentiality = EXCLUDED.confidentiality,
         owning_organisation = EXCLUDED.owning_organisation
       WHERE s.version < EXCLUDED.version
       RETURNING (xmax = 0) AS inserted`,
      [
        r.incidentId,
        r.reference,
        r.version,
        r.status,
        r.countryCode,
        r.concernedStateCode,
        r.region,
        r.occurredOn,
        r.occurredFrom,
        r.occurredTo,
        r.year,
        r.month,
        r.meansOfAttack,
        r.perpetratorCategory,
        r.confidentiality,
        r.owningOrganisation,
      ],
    );
    if (!applied) return;
    // A row the upsert inserted has no figures yet: nothing to replace.
    if (!applied.inserted) {
      await target.query(`DELETE FROM ${target.table('personnel_figure')} WHERE incident_id = $1`, [r.incidentId]);
      await target.query(`DELETE FROM ${target.table('asset_figure')} WHERE incident_id = $1`, [r.incidentId]);
    }
    // One statement per table, whatever the number of lines.
    if (r.personnel.length > 0)
      await target.query(
        `INSERT INTO ${target.table('personnel_figure')} (incident_id, harm, status, affiliation, gender, count)
         SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[])`,
        [
          r.incidentId,
          r.personnel.map((p) => p.harm),
          r.personnel.map((p) => p.status),
          r.personnel.map((p) => p.affiliation),
          r.personnel.map((p) => p.gender),
          r.personnel.map((p) => p.count),
        ],
      );
    if (r.assets.length > 0)
      await target.query(
        `INSERT INTO ${target.table('asset_figure')} (incident_id, asset_type, un, destroyed)
         SELECT $1, * FROM unnest($2::text[], $3::boolean[], $4::boolean[])`,
        [r.incidentId, r.assets.map((a) => a.assetType), r.assets.map((a) => a.un), r.assets.map((a) => a.destroyed)],
      );
  }
}
