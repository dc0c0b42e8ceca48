import { Injectable } from '@nestjs/common';
import {
  CaseAssessed,
  CaseCapacitySupportRecorded,
  CaseClosed,
  CaseConcernedStateAdded,
  CaseConfidentialityChanged,
  CaseDeterminationProposed,
  CaseDeterminedUnableUnwilling,
  CaseFlaggedForReview,
  CaseIncidentLinked,
  CaseIncidentUnlinked,
  CaseOpened,
  CaseProgressReported,
  CaseProsecutionUpdated,
  CaseReferralUpdated,
  CaseReferred,
  CaseReopened,
  CaseReportOverdue,
  CaseStateAcknowledged,
  CaseStateRequested,
  CaseSurvivorSupportUpdated,
  type CaseAssessedV1,
  type CaseCapacitySupportRecordedV1,
  type CaseDeterminationV1,
  type CaseEventV1,
  type CaseIncidentLinkedV1,
  type CaseIncidentUnlinkedV1,
  type CaseOpenedV1,
  type CaseProgressReportedV1,
  type CaseProsecutionUpdatedV1,
  type CaseReferralV1,
  type CaseReportOverdueV1,
  type CaseStateAcknowledgedV1,
  type CaseStateRequestedV1,
  type CaseSurvivorSupportUpdatedV1,
  type ConcernedStateEventV1,
} from '#contracts';
import type { CloudEvent } from '#messaging';
import type { Projection, ProjectionTarget } from './projection.js';

/**
 * The accountability chain of each case, as far as Council reports need it: concerned States
 * and their requests, reports, overdue dates, assessments, determinations, referrals,
 * prosecutions and support. Evidence events stay out: no Council figure is made of them.
 * A case's events share a partition, so they arrive in order.
 */
@Injectable()
export class CaseProjection implements Projection {
  readonly contracts = [
    CaseOpened,
    CaseIncidentLinked,
    CaseIncidentUnlinked,
    CaseFlaggedForReview,
    CaseConfidentialityChanged,
    CaseConcernedStateAdded,
    CaseStateRequested,
    CaseStateAcknowledged,
    CaseProgressReported,
    CaseReportOverdue,
    CaseAssessed,
    CaseDeterminationProposed,
    CaseDeterminedUnableUnwilling,
    CaseReferred,
    CaseReferralUpdated,
    CaseProsecutionUpdated,
    CaseCapacitySupportRecorded,
    CaseSurvivorSupportUpdated,
    CaseClosed,
    CaseReopened,
  ];

  async project(target: ProjectionTarget, events: readonly CloudEvent<object>[]): Promise<void> {
    for (const event of events) await this.projectOne(target, event);
  }

  private async projectOne(target: ProjectionTarget, event: CloudEvent<object>): Promise<void> {
    if (event.type === CaseOpened.type) return this.opened(target, event.data as CaseOpenedV1);
    const payload = event.data as CaseEventV1;
    await target.query(`UPDATE ${target.table('case_summary')} SET confidentiality = $2, owning_organisation = $3 WHERE case_id = $1`, [
      payload.caseId,
      payload.confidentiality,
      payload.owningOrganisation,
    ]);
    const day = payload.recordedAt.slice(0, 10);
    const state = (event.data as ConcernedStateEventV1).concernedStateCode;
    switch (event.type) {
      case CaseIncidentLinked.type: {
        const link = event.data as CaseIncidentLinkedV1;
        return this.link(target, link.caseId, link.incidentId, link.linkKind, link.duplicateOfIncidentId ?? null);
      }
      case CaseIncidentUnlinked.type:
        await target.query(`DELETE FROM ${target.table('case_incident')} WHERE incident_id = $1 AND case_id = $2`, [
          (event.data as CaseIncidentUnlinkedV1).incidentId,
          payload.caseId,
        ]);
        return;
      case CaseFlaggedForReview.type:
        await target.query(`UPDATE ${target.table('case_summary')} SET flagged_for_review = true WHERE case_id = $1`, [payload.caseId]);
        return;
      case CaseConcernedStateAdded.type:
        return this.addState(target, payload.caseId, state);
      case CaseStateRequested.type:
        return this.updateState(target, payload.caseId, state, 'requested_on = $3', [(event.data as CaseStateRequestedV1).requestedOn]);
      case CaseStateAcknowledged.type: {
        const on = (event.data as CaseStateAcknowledgedV1).acknowledgedOn;
        await this.updateState(target, payload.caseId, state, 'acknowledged_on = $3', [on]);
        await target.query(
          `UPDATE ${target.table('case_overdue')} SET resolved_on = $3
           WHERE case_id = $1 AND state_code = $2 AND due_kind = 'acknowledgement' AND resolved_on IS NULL`,
          [payload.caseId, state, on],
        );
        return;
      }
      case CaseProgressReported.type:
        return this.progressReported(target, event.data as CaseProgressReportedV1);
      case CaseReportOverdue.type: {
        const overdue = event.data as CaseReportOverdueV1;
        await target.query(
          `INSERT INTO ${target.table('case_overdue')} (due_date_id, case_id, state_code, due_kind, due_on) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (due_date_id) DO NOTHING`,
          [overdue.dueDateId, overdue.caseId, state, overdue.dueKind, overdue.dueOn],
        );
        return;
      }
      case CaseAssessed.type: {
        const assessed = event.data as CaseAssessedV1;
        const ratings = Object.fromEntries(assessed.ratings.map(({ standard, rating }) => [standard, rating]));
        return this.updateState(target, payload.caseId, state, 'assessed_on = $3, ratings = $4', [assessed.assessedOn, ratings]);
      }
      case CaseDeterminationProposed.type:
        return this.updateState(target, payload.caseId, state, 'determination_proposed_on = $3', [
          (event.data as CaseDeterminationV1).decidedOn,
        ]);
      case CaseDeterminedUnableUnwilling.type: {
        const determination = event.data as CaseDeterminationV1;
        return this.updateState(target, payload.caseId, state, 'determination_finding = $3, determined_on = $4', [
          determination.finding,
          determination.decidedOn,
        ]);
      }
      case CaseReferred.type:
      case CaseReferralUpdated.type: {
        const referral = event.data as CaseReferralV1;
        await target.query(
          `INSERT INTO ${target.table('case_referral')} (referral_id, case_id, state_code, mechanism, status, status_on, outcome)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (referral_id) DO UPDATE SET mechanism = EXCLUDED.mechanism, status = EXCLUDED.status,
             status_on = EXCLUDED.status_on, outcome = EXCLUDED.outcome`,
          [referral.referralId, referral.caseId, state, referral.mechanism, referral.status, referral.statusOn, referral.outcome ?? null],
        );
        return;
      }
      case CaseProsecutionUpdated.type: {
        const prosecution = event.data as CaseProsecutionUpdatedV1;
        await target.query(
          `INSERT INTO ${target.table('case_prosecution')} (prosecution_id, case_id, state_code, accused_count, trial_status, verdict, status_on)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (prosecution_id) DO UPDATE SET accused_count = EXCLUDED.accused_count, trial_status = EXCLUDED.trial_status,
             verdict = EXCLUDED.verdict, status_on = EXCLUDED.status_on`,
          [
            prosecution.prosecutionId,
            prosecution.caseId,
            state,
            prosecution.accusedCount,
            prosecution.trialStatus,
            prosecution.verdict ?? null,
            prosecution.statusOn,
          ],
        );
        return;
      }
      case CaseCapacitySupportRecorded.type: {
        const support = event.data as CaseCapacitySupportRecordedV1;
        await target.query(
          `INSERT INTO ${target.table('case_capacity_support')} (support_id, case_id, kind, status) VALUES ($1, $2, $3, $4)
           ON CONFLICT (support_id) DO UPDATE SET kind = EXCLUDED.kind, status = EXCLUDED.status`,
          [support.supportId, support.caseId, support.kind, support.status],
        );
        return;
      }
      case CaseSurvivorSupportUpdated.type: {
        const support = event.data as CaseSurvivorSupportUpdatedV1;
        await target.query(
          `INSERT INTO ${target.table('case_survivor_support')} (case_id, kind, persons_supported, status) VALUES ($1, $2, $3, $4)
           ON CONFLICT (case_id, kind) DO UPDATE SET persons_supported = EXCLUDED.persons_supported, status = EXCLUDED.status`,
          [support.caseId, support.kind, support.personsSupported, support.status],
        );
        return;
      }
      case CaseClosed.type:
        await target.query(`UPDATE ${target.table('case_summary')} SET closed_on = $2 WHERE case_id = $1`, [payload.caseId, day]);
        // A closed case's due dates are cancelled: nothing is awaited any more.
        await target.query(`UPDATE ${target.table('case_overdue')} SET resolved_on = $2 WHERE case_id = $1 AND resolved_on IS NULL`, [
          payload.caseId,
          day,
        ]);
        return;
      case CaseReopened.type:
        await target.query(`UPDATE ${target.table('case_summary')} SET closed_on = NULL WHERE case_id = $1`, [payload.caseId]);
        return;
    }
  }

  private async opened(target: ProjectionTarget, opened: CaseOpenedV1): Promise<void> {
    await target.query(
      `INSERT INTO ${target.table('case_summary')} (case_id, reference, primary_incident_id, opened_at, confidentiality, owning_organisation)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (case_id) DO NOTHING`,
      [
        opened.caseId,
        opened.reference,
        opened.incidentId,
        opened.openedAt,
        opened.confidentiality ?? null,
        opened.owningOrganisation ?? null,
      ],
    );
    await this.link(target, opened.caseId, opened.incidentId, 'primary', null);
    await this.addState(target, opened.caseId, opened.concernedStateCode);
  }

  private async link(target: ProjectionTarget, caseId: string, incidentId: string, kind: string, duplicateOf: string | null) {
    await target.query(
      `INSERT INTO ${target.table('case_incident')} (incident_id, case_id, link_kind, duplicate_of_incident_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (incident_id) DO UPDATE SET case_id = EXCLUDED.case_id, link_kind = EXCLUDED.link_kind,
         duplicate_of_incident_id = EXCLUDED.duplicate_of_incident_id`,
      [incidentId, caseId, kind, duplicateOf],
    );
  }

  private async addState(target: ProjectionTarget, caseId: string, stateCode: string): Promise<void> {
    await target.query(`INSERT INTO ${target.table('case_state')} (case_id, state_code) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      caseId,
      stateCode,
    ]);
  }

  /** Sets columns of a concerned State's row; `$1` and `$2` are the case and the State. */
  private async updateState(target: ProjectionTarget, caseId: string, stateCode: string, assignments: string, values: unknown[]) {
    await this.addState(target, caseId, stateCode);
    await target.query(`UPDATE ${target.table('case_state')} SET ${assignments} WHERE case_id = $1 AND state_code = $2`, [
      caseId,
      stateCode,
      ...values,
    ]);
  }

  private async progressReported(target: ProjectionTarget, report: CaseProgressReportedV1): Promise<void> {
    await this.updateState(
      target,
      report.caseId,
      report.concernedStateCode,
      'reports_received = reports_received + 1, last_report_on = $3',
      [report.receivedOn],
    );
    // A late report answers the earliest date it missed.
    await target.query(
      `UPDATE ${target.table('case_overdue')} SET resolved_on = $3
       WHERE due_date_id = (SELECT due_date_id FROM ${target.table('case_overdue')}
         WHERE case_id = $1 AND state_code = $2 AND due_kind = 'progress_report' AND resolved_on IS NULL AND due_on <= $3
         ORDER BY due_on LIMIT 1)`,
      [report.caseId, report.concernedStateCode, report.receivedOn],
    );
  }
}
