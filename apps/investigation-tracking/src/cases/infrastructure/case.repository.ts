import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { allocateReference } from '#database';
import { ConflictError, StaleVersionError } from '#domain';
import type { TimelineEntry } from '../domain/case-records.js';
import type { Case } from '../domain/case.js';
import { CaseMapper, type StoredState } from './case.mapper.js';

/**
 * Cases as one document each, with the columns lists filter on kept beside it, and the
 * tables other queries reach cases through: incidents (one case each), due dates (claimed
 * by the scheduler) and the append-only timeline. All written in the caller's transaction.
 */
@Injectable()
export class CaseRepository {
  nextReference(manager: EntityManager, year: number): Promise<string> {
    return allocateReference(manager, 'investigation', 'CASE', year);
  }

  async insert(manager: EntityManager, opened: Case): Promise<void> {
    const state = opened.state;
    const primary = state.incidents[0];
    await manager.query(
      `INSERT INTO investigation."case" (id, reference, incident_id, incident_reference, country_code, concerned_state_code, stage, opened_at,
         version, owning_organisation, confidentiality, concerned_state_codes, has_referral, closed_at, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        state.id,
        state.reference,
        primary.incidentId,
        primary.incidentReference,
        state.countryCode,
        state.concernedStates[0].stateCode,
        ...this.columns(opened),
      ],
    );
    await this.writeDependants(manager, opened);
  }

  /** Saves a changed case if nobody saved another version since `expectedVersion`; never overwrites silently. */
  async update(manager: EntityManager, changed: Case, expectedVersion: number): Promise<void> {
    const result: [unknown[], number] = await manager.query(
      `UPDATE investigation."case" SET stage = $2, opened_at = $3, version = $4, owning_organisation = $5, confidentiality = $6,
         concerned_state_codes = $7, has_referral = $8, closed_at = $9, state = $10
       WHERE id = $1 AND version = $11`,
      [changed.id, ...this.columns(changed), expectedVersion],
    );
    if (result[1] !== 1) {
      throw new StaleVersionError(
        `Case ${changed.reference} has changed since version ${expectedVersion}; reload it and apply the change again`,
      );
    }
    await this.writeDependants(manager, changed);
  }

  /** `lock`: hold the row until the transaction ends, for system writers that must not lose a race. */
  async findById(manager: EntityManager, id: string, lock?: 'wait'): Promise<Case | undefined> {
    const locking = lock === 'wait' ? ' FOR UPDATE' : '';
    const rows: { state: StoredState; version: number }[] = await manager.query(
      `SELECT state, version FROM investigation."case" WHERE id = $1${locking}`,
      [id],
    );
    return rows[0] && CaseMapper.fromDocument(rows[0].state, rows[0].version);
  }

  /**
   * Claims cases with a due date missed before `today` and not yet announced, skipping the
   * cases another transaction holds (a second scheduler, an officer's change). Every writer
   * locks the case row before its due dates, so claiming cases first cannot deadlock.
   */
  async claimCasesWithMissedDueDates(manager: EntityManager, today: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT c.id FROM investigation."case" c
       WHERE c.id IN (SELECT d.case_id FROM investigation.due_date d WHERE d.due_on < $1::date
                        AND d.fulfilled_on IS NULL AND d.cancelled_on IS NULL AND d.overdue_notified_on IS NULL)
       ORDER BY c.id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [today, limit],
    );
    return rows.map((row) => row.id);
  }

  /** Then the missed, unannounced due dates of those cases, row by row (FOR UPDATE SKIP LOCKED). */
  async claimMissedDueDates(manager: EntityManager, caseIds: string[], today: string): Promise<{ id: string; caseId: string }[]> {
    const rows: { id: string; case_id: string }[] = await manager.query(
      `SELECT id, case_id FROM investigation.due_date
       WHERE case_id = ANY($1::uuid[]) AND due_on < $2::date AND fulfilled_on IS NULL AND cancelled_on IS NULL AND overdue_notified_on IS NULL
       ORDER BY due_on, id FOR UPDATE SKIP LOCKED`,
      [caseIds, today],
    );
    return rows.map((row) => ({ id: row.id, caseId: row.case_id }));
  }

  /** The case holding an incident, locked until the transaction ends: for the writers that follow intake's events. */
  async lockCaseOfIncident(manager: EntityManager, incidentId: string): Promise<Case | undefined> {
    const caseId = await this.caseIdOfIncident(manager, incidentId);
    return caseId ? this.findById(manager, caseId, 'wait') : undefined;
  }

  async caseIdOfIncident(manager: EntityManager, incidentId: string): Promise<string | undefined> {
    const rows: { case_id: string }[] = await manager.query('SELECT case_id FROM investigation.case_incident WHERE incident_id = $1', [
      incidentId,
    ]);
    return rows[0]?.case_id;
  }

  async timeline(manager: EntityManager, caseId: string): Promise<TimelineEntry[]> {
    const rows: {
      sequence: number;
      version: number;
      at: Date;
      actor: string;
      action: TimelineEntry['action'];
      concerned_state_code: string | null;
      summary: string;
      reason: string | null;
    }[] = await manager.query(
      `SELECT sequence, version, at, actor, action, concerned_state_code, summary, reason
       FROM investigation.case_timeline WHERE case_id = $1 ORDER BY sequence`,
      [caseId],
    );
    return rows.map((row) => ({
      sequence: row.sequence,
      version: row.version,
      at: row.at,
      by: row.actor,
      action: row.action,
      concernedStateCode: row.concerned_state_code ?? undefined,
      summary: row.summary,
      reason: row.reason ?? undefined,
    }));
  }

  private columns(found: Case): unknown[] {
    const state = found.state;
    return [
      found.stage,
      state.openedAt,
      state.version,
      state.owningOrganisation,
      state.confidentiality,
      state.concernedStates.map((track) => track.stateCode),
      state.concernedStates.some((track) => track.referrals.length > 0),
      state.closure?.closedAt ?? null,
      CaseMapper.toDocument(found),
    ];
  }

  /** Incident links, due dates and new timeline entries follow the document in the same transaction. */
  private async writeDependants(manager: EntityManager, found: Case): Promise<void> {
    const state = found.state;
    const incidentIds = state.incidents.map((link) => link.incidentId);
    await manager.query('DELETE FROM investigation.case_incident WHERE case_id = $1 AND NOT (incident_id = ANY($2::uuid[]))', [
      found.id,
      incidentIds,
    ]);
    for (const link of state.incidents) {
      // The primary key holds an incident to one case, even against a concurrent link elsewhere.
      const kept: unknown[] = await manager.query(
        `INSERT INTO investigation.case_incident (incident_id, case_id, kind) VALUES ($1, $2, $3)
         ON CONFLICT (incident_id) DO UPDATE SET kind = EXCLUDED.kind WHERE case_incident.case_id = EXCLUDED.case_id
         RETURNING incident_id`,
        [link.incidentId, found.id, link.kind],
      );
      if (kept.length === 0) throw new ConflictError(`${link.incidentReference} is already in another case`);
    }
    for (const track of state.concernedStates) {
      for (const due of track.dueDates) {
        await manager.query(
          `INSERT INTO investigation.due_date (id, case_id, concerned_state_code, kind, sequence, due_on, fulfilled_on, overdue_notified_on, cancelled_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (id) DO UPDATE SET due_on = EXCLUDED.due_on, fulfilled_on = EXCLUDED.fulfilled_on,
             overdue_notified_on = EXCLUDED.overdue_notified_on, cancelled_on = EXCLUDED.cancelled_on`,
          [
            due.id,
            found.id,
            track.stateCode,
            due.kind,
            due.sequence,
            due.dueOn,
            due.fulfilledOn ?? null,
            due.overdueNotifiedOn ?? null,
            due.cancelledOn ?? null,
          ],
        );
      }
    }
    for (const entry of found.pullTimeline()) {
      await manager.query(
        `INSERT INTO investigation.case_timeline (case_id, sequence, version, at, actor, action, concerned_state_code, summary, reason)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          found.id,
          entry.sequence,
          entry.version,
          entry.at,
          entry.by,
          entry.action,
          entry.concernedStateCode ?? null,
          entry.summary,
          entry.reason ?? null,
        ],
      );
    }
  }
}
