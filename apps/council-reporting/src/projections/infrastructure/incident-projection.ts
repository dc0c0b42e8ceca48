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
import { incidentRecordOf, type IncidentRecord } from '../domain/incident-record.js';
import type { Projection, ProjectionTarget } from './projection.js';

/**
 * Incidents and their figures. Every write is guarded by the incident's version, so an older
 * event never overwrites a newer state.
 */
@Injectable()
export class IncidentProjection implements Projection {
  readonly contracts = [IncidentReported, IncidentAmended, IncidentVerified, IncidentRejected];

  async project(target: ProjectionTarget, events: readonly CloudEvent<object>[]): Promise<void> {
    // Snapshots in a row are recorded together; a status change between them keeps its place.
    let snapshots: IncidentSnapshotV1[] = [];
    for (const event of events) {
      if (event.type === IncidentReported.type || event.type === IncidentAmended.type) {
        snapshots.push(event.data as IncidentSnapshotV1);
        continue;
      }
      await this.record(target, snapshots);
      snapshots = [];
      const payload = event.data as IncidentEventV1;
      await target.query(
        `UPDATE ${target.table('incident_summary')} SET status = $3, version = $2 WHERE incident_id = $1 AND version < $2`,
        [payload.incidentId, payload.version, event.type === IncidentVerified.type ? 'verified' : 'rejected'],
      );
    }
    await this.record(target, snapshots);
  }

  /**
   * Records snapshots as applying them one by one would: of an incident's snapshots, the first
   * with the highest version, if newer than the stored one. One statement per table, whatever
   * the number of incidents and lines.
   */
  private async record(target: ProjectionTarget, snapshots: readonly IncidentSnapshotV1[]): Promise<void> {
    if (snapshots.length === 0) return;
    const newest = new Map<string, IncidentRecord>();
    for (const snapshot of snapshots) {
      const known = newest.get(snapshot.incidentId);
      if (!known || snapshot.version > known.version) newest.set(snapshot.incidentId, incidentRecordOf(snapshot));
    }
    const records = [...newest.values()];
    const summary = target.table('incident_summary');
    const applied = await target.query<{ incident_id: string; inserted: boolean }[]>(
      `INSERT INTO ${summary} AS s (incident_id, reference, version, status, country_code, concerned_state_code, region, occurred_on,
         occurred_from, occurred_to, year, month, means_of_attack, perpetrator_category, confidentiality, owning_organisation, people)
       SELECT incident_id, reference, version, status, country_code, concerned_state_code, region, occurred_on,
         occurred_from, occurred_to, year, month, means_of_attack, perpetrator_category, confidentiality, owning_organisation, people
       FROM json_populate_recordset(NULL::${summary}, $1::json)
       ON CONFLICT (incident_id) DO UPDATE SET reference = EXCLUDED.reference, version = EXCLUDED.version, status = EXCLUDED.status,
         country_code = EXCLUDED.country_code, concerned_state_code = EXCLUDED.concerned_state_code, region = EXCLUDED.region,
         occurred_on = EXCLUDED.occurred_on, occurred_from = EXCLUDED.occurred_from, occurred_to = EXCLUDED.occurred_to,
         year = EXCLUDED.year, month = EXCLUDED.month, means_of_attack = EXCLUDED.means_of_attack,
         perpetrator_category = EXCLUDED.perpetrator_category, confidentiality = EXCLUDED.confidentiality,
         owning_organisation = EXCLUDED.owning_organisation, people = EXCLUDED.people
       WHERE s.version < EXCLUDED.version
       RETURNING s.incident_id, (s.xmax = 0) AS inserted`,
      [
        JSON.stringify(
          records.map((r) => ({
            incident_id: r.incidentId,
            reference: r.reference,
            version: r.version,
            status: r.status,
            country_code: r.countryCode,
            concerned_state_code: r.concernedStateCode,
            region: r.region,
            occurred_on: r.occurredOn,
            occurred_from: r.occurredFrom,
            occurred_to: r.occurredTo,
            year: r.year,
            month: r.month,
            means_of_attack: r.meansOfAttack,
            perpetrator_category: r.perpetratorCategory,
            confidentiality: r.confidentiality,
            owning_organisation: r.owningOrganisation,
            people: r.personnel.reduce((sum, line) => sum + line.count, 0),
          })),
        ),
      ],
    );
    // A row the upsert inserted has no figures yet: only those of updated rows are replaced.
    const replaced = applied.filter(({ inserted }) => !inserted).map(({ incident_id }) => incident_id);
    if (replaced.length > 0) {
      await target.query(`DELETE FROM ${target.table('personnel_figure')} WHERE incident_id = ANY($1::uuid[])`, [replaced]);
      await target.query(`DELETE FROM ${target.table('asset_figure')} WHERE incident_id = ANY($1::uuid[])`, [replaced]);
    }
    const recorded = applied.map(({ incident_id }) => newest.get(incident_id)!);
    const personnel = recorded.flatMap((r) => r.personnel.map((p) => ({ ...p, incidentId: r.incidentId })));
    const assets = recorded.flatMap((r) => r.assets.map((a) => ({ ...a, incidentId: r.incidentId })));
    if (personnel.length > 0)
      await target.query(
        `INSERT INTO ${target.table('personnel_figure')} (incident_id, harm, status, affiliation, gender, count)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[])`,
        [
          personnel.map((p) => p.incidentId),
          personnel.map((p) => p.harm),
          personnel.map((p) => p.status),
          personnel.map((p) => p.affiliation),
          personnel.map((p) => p.gender),
          personnel.map((p) => p.count),
        ],
      );
    if (assets.length > 0)
      await target.query(
        `INSERT INTO ${target.table('asset_figure')} (incident_id, asset_type, un, destroyed)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::boolean[])`,
        [assets.map((a) => a.incidentId), assets.map((a) => a.assetType), assets.map((a) => a.un), assets.map((a) => a.destroyed)],
      );
  }
}
