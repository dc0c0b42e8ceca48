import type { EntityManager } from 'typeorm';
import {
  InvestigationStandards,
  StandardRatings,
  type InvestigationStandard,
  type Mechanism,
  type ReferralStatus,
  type StandardRating,
} from '#contracts';
import { countableCondition, type Actor } from '#domain';
import { stageOf } from '../../projections/domain/case-stage.js';
import { projectionTable, type ProjectionTable } from '../../projections/infrastructure/projection-tables.js';
import type { AccountabilityFigures, CaseAnnexRow, StateAccountability } from '../../reports/domain/council-report.js';
import type { AccountabilityFilter, AccountabilityMeasure } from '../application/accountability-filter.js';
import { countryName } from '../domain/countries.js';

/** One concerned State's track of one case, with what each accountability figure counts of it. */
export interface CaseTrack extends CaseAnnexRow {
  caseId: string;
  measures: Record<AccountabilityMeasure, number>;
  maxDaysOverdue: number;
  ratings: Partial<Record<InvestigationStandard, StandardRating>>;
}

interface TrackRow {
  case_id: string;
  reference: string;
  state_code: string;
  requested_on: string | null;
  acknowledged_on: string | null;
  reports_received: number;
  ratings: Partial<Record<InvestigationStandard, StandardRating>> | null;
  determination_proposed_on: string | null;
  determined_on: string | null;
  closed_on: string | null;
  days_since_request: number | null;
  overdue: string;
  max_days_overdue: number | null;
  referrals: string;
  latest_referral_status: ReferralStatus | null;
  prosecutions: string;
  convictions: string;
}

/** The accountability chain of recommendation 6, by concerned State, from the case read models. */
export class AccountabilityReader {
  constructor(private readonly schema: string) {}

  /** Every concerned State's track of every case in scope, by case reference. */
  async tracks(manager: EntityManager, actor: Actor, filter: AccountabilityFilter): Promise<CaseTrack[]> {
    const scope = this.scope(actor, filter);
    const asOf = scope.parameter(filter.asOfDay);
    const rows: TrackRow[] = await manager.query(
      `${scope.with}
       SELECT s.case_id, c.reference, s.state_code, s.requested_on::text, s.acknowledged_on::text, s.reports_received, s.ratings,
              s.determination_proposed_on::text, s.determined_on::text, c.closed_on::text,
              ${asOf}::date - s.requested_on AS days_since_request,
              coalesce(o.overdue, 0) AS overdue, o.max_days_overdue,
              coalesce(r.referrals, 0) AS referrals, r.latest_referral_status,
              coalesce(p.prosecutions, 0) AS prosecutions, coalesce(p.convictions, 0) AS convictions
       FROM ${this.table('case_state')} s JOIN cases c ON c.case_id = s.case_id
       LEFT JOIN (SELECT case_id, state_code, count(*) AS overdue, max(${asOf}::date - due_on) AS max_days_overdue
                  FROM ${this.table('case_overdue')} WHERE resolved_on IS NULL GROUP BY 1, 2) o
         ON o.case_id = s.case_id AND o.state_code = s.state_code
       LEFT JOIN (SELECT case_id, state_code, count(*) AS referrals,
                         (array_agg(status ORDER BY status_on DESC, referral_id DESC))[1] AS latest_referral_status
                  FROM ${this.table('case_referral')} GROUP BY 1, 2) r
         ON r.case_id = s.case_id AND r.state_code = s.state_code
       LEFT JOIN (SELECT case_id, state_code, count(*) AS prosecutions, count(*) FILTER (WHERE verdict = 'convicted') AS convictions
                  FROM ${this.table('case_prosecution')} GROUP BY 1, 2) p
         ON p.case_id = s.case_id AND p.state_code = s.state_code
       ${scope.stateCondition('s.state_code')}
       ORDER BY c.reference, s.state_code`,
      scope.parameters,
    );
    return rows.map((row) => {
      const closed = row.closed_on !== null;
      const measures: Record<AccountabilityMeasure, number> = {
        cases: 1,
        requestsMade: row.requested_on ? 1 : 0,
        requestsAcknowledged: row.acknowledged_on ? 1 : 0,
        progressReportsReceived: row.reports_received,
        // A closed case awaits nothing.
        reportsOverdue: closed ? 0 : Number(row.overdue),
        determinations: row.determined_on ? 1 : 0,
        referrals: Number(row.referrals),
        prosecutions: Number(row.prosecutions),
        convictions: Number(row.convictions),
      };
      return {
        caseId: row.case_id,
        reference: row.reference,
        stateCode: row.state_code,
        stage: stageOf({
          closed,
          requested: row.requested_on !== null,
          acknowledged: row.acknowledged_on !== null,
          reportsReceived: row.reports_received,
          determinationProposed: row.determination_proposed_on !== null,
          determined: row.determined_on !== null,
          referred: measures.referrals > 0,
        }),
        daysSinceRequest: row.days_since_request,
        reportsReceived: row.reports_received,
        reportsOverdue: measures.reportsOverdue,
        referralStatus: row.latest_referral_status,
        determinationWithoutReferral: measures.determinations > 0 && measures.referrals === 0 && !closed,
        measures,
        maxDaysOverdue: measures.reportsOverdue > 0 ? (row.max_days_overdue ?? 0) : 0,
        ratings: row.ratings ?? {},
      };
    });
  }

  /** The figures of recommendation 6.1–6.5, by concerned State and overall. */
  async figures(manager: EntityManager, actor: Actor, filter: AccountabilityFilter, tracks: CaseTrack[]): Promise<AccountabilityFigures> {
    const byState = new Map<string, StateAccountability>();
    for (const track of tracks) {
      const state = byState.get(track.stateCode) ?? emptyState(track.stateCode);
      byState.set(track.stateCode, state);
      state.cases += track.measures.cases;
      state.requestsMade += track.measures.requestsMade;
      state.requestsAcknowledged += track.measures.requestsAcknowledged;
      state.progressReportsReceived += track.measures.progressReportsReceived;
      state.reportsOverdue += track.measures.reportsOverdue;
      state.maxDaysOverdue = Math.max(state.maxDaysOverdue, track.maxDaysOverdue);
      for (const [standard, rating] of Object.entries(track.ratings)) state.assessments[standard as InvestigationStandard][rating]++;
      state.determinations += track.measures.determinations;
      state.referrals += track.measures.referrals;
      state.prosecutions += track.measures.prosecutions;
      state.convictions += track.measures.convictions;
    }
    const scope = this.scope(actor, filter);
    const [referrals, prosecutions, capacitySupport, survivorSupport] = await Promise.all([
      manager.query(
        `${scope.with} SELECT mechanism, status, count(*)::int AS count FROM ${this.table('case_referral')} x JOIN cases c ON c.case_id = x.case_id
         ${scope.stateCondition('x.state_code')} GROUP BY 1, 2 ORDER BY 1, 2`,
        scope.parameters,
      ) as Promise<{ mechanism: Mechanism; status: ReferralStatus; count: number }[]>,
      manager.query(
        `${scope.with} SELECT trial_status AS "trialStatus", verdict, count(*)::int AS prosecutions, sum(accused_count)::int AS accused
         FROM ${this.table('case_prosecution')} x JOIN cases c ON c.case_id = x.case_id
         ${scope.stateCondition('x.state_code')} GROUP BY 1, 2 ORDER BY 1, 2 NULLS FIRST`,
        scope.parameters,
      ) as Promise<AccountabilityFigures['prosecutions']>,
      manager.query(
        `${scope.with} SELECT kind, status, count(*)::int AS count FROM ${this.table('case_capacity_support')} x JOIN cases c ON c.case_id = x.case_id
         ${scope.caseStateCondition('x.case_id')} GROUP BY 1, 2 ORDER BY 1, 2`,
        scope.parameters,
      ) as Promise<AccountabilityFigures['capacitySupport']>,
      manager.query(
        `${scope.with} SELECT kind, status, count(*)::int AS cases, sum(persons_supported)::int AS persons
         FROM ${this.table('case_survivor_support')} x JOIN cases c ON c.case_id = x.case_id
         ${scope.caseStateCondition('x.case_id')} GROUP BY 1, 2 ORDER BY 1, 2`,
        scope.parameters,
      ) as Promise<AccountabilityFigures['survivorSupport']>,
    ]);
    return {
      byState: [...byState.values()].sort((a, b) => a.stateCode.localeCompare(b.stateCode)),
      referrals,
      prosecutions,
      capacitySupport,
      survivorSupport,
    };
  }

  private table(name: ProjectionTable): string {
    return projectionTable(this.schema, name);
  }

  private scope(actor: Actor, filter: AccountabilityFilter) {
    const parameters: unknown[] = [];
    const parameter = (value: unknown) => {
      parameters.push(value);
      return `$${parameters.length}`;
    };
    const conditions = countableCondition(
      actor,
      { confidentiality: 'c.confidentiality', owningOrganisation: 'c.owning_organisation' },
      parameters,
    );
    let join = '';
    if (filter.period) {
      join = `JOIN ${this.table('incident_summary')} i ON i.incident_id = c.primary_incident_id`;
      conditions.push(`i.occurred_from >= ${parameter(filter.period.from)}::date`, `i.occurred_to <= ${parameter(filter.period.to)}::date`);
    }
    const states = filter.stateCodes ? parameter(filter.stateCodes) : undefined;
    return {
      with: `WITH cases AS (SELECT c.* FROM ${this.table('case_summary')} c ${join} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''})`,
      parameters,
      parameter,
      stateCondition: (column: string) => (states ? `WHERE ${column} = ANY(${states}::text[])` : ''),
      // Case-wide figures (support) count in a State's scope when the State is concerned in the case.
      caseStateCondition: (column: string) =>
        states
          ? `WHERE EXISTS (SELECT 1 FROM ${this.table('case_state')} cs WHERE cs.case_id = ${column} AND cs.state_code = ANY(${states}::text[]))`
          : '',
    };
  }
}

function emptyState(stateCode: string): StateAccountability {
  return {
    stateCode,
    stateName: countryName(stateCode),
    cases: 0,
    requestsMade: 0,
    requestsAcknowledged: 0,
    progressReportsReceived: 0,
    reportsOverdue: 0,
    maxDaysOverdue: 0,
    assessments: Object.fromEntries(
      InvestigationStandards.map((standard) => [standard, Object.fromEntries(StandardRatings.map((rating) => [rating, 0]))]),
    ) as StateAccountability['assessments'],
    determinations: 0,
    referrals: 0,
    prosecutions: 0,
    convictions: 0,
  };
}
