import {
  CaseAssessed,
  CaseCapacitySupportRecorded,
  CaseClosed,
  CaseConcernedStateAdded,
  CaseConfidentialityChanged,
  CaseDeterminationProposed,
  CaseDeterminedUnableUnwilling,
  CaseEvidenceChecked,
  CaseEvidenceRegistered,
  CaseEvidenceTransferred,
  CaseFlaggedForReview,
  CaseIncidentLinked,
  CaseIncidentUnlinked,
  CaseOpened,
  CaseProgressReported,
  CaseProsecutionUpdated,
  CaseReferralUpdated,
  CaseReferred,
  CaseReopened,
  CaseReportingPolicyChanged,
  CaseReportOverdue,
  CaseStateAcknowledged,
  CaseStateRequested,
  CaseSurvivorSupportUpdated,
  type CaseEventV1,
  type CaseStage,
  type ConcernedStateBasis,
  type ConfidentialityLevel,
  type EventContract,
  type IndicatorKind,
  type SurvivorSupportKind,
} from '#contracts';
import { AggregateRoot, ConflictError, ForbiddenError, InconsistentInputError, NotFoundError } from '#domain';
import { CaseWorkflow, type CaseStatus, type CaseTransition, type TrackStage, type TrackTransition } from './case-workflow.js';
import type {
  Assessment,
  CapacitySupport,
  CapacitySupportUpdate,
  Closure,
  Determination,
  DeterminationProposal,
  EvidenceItem,
  EvidenceRegistration,
  IncidentLink,
  NewAssessment,
  NewCapacitySupport,
  NewProsecution,
  ProgressReport,
  Prosecution,
  ProsecutionUpdate,
  Referral,
  ReferralUpdate,
  ReviewFlag,
  StateRequest,
  SurvivorSupport,
  TimelineEntry,
} from './case-records.js';
import { MechanismNames } from './case-records.js';
import { deriveIndicators, type Indicator } from './indicators.js';
import { ReportingCalendar, toCalendarDate, type CalendarDate, type DueDate, type ReportingPolicy } from './reporting-calendar.js';

/** One concerned State's part of the chain: its request, schedule, reports, assessments, determination and referrals. */
export interface ConcernedStateTrack {
  stateCode: string;
  basis: ConcernedStateBasis;
  stage: TrackStage;
  request?: StateRequest;
  acknowledgedOn?: CalendarDate;
  dueDates: DueDate[];
  progressReports: ProgressReport[];
  /** Oldest first; the last one is current, earlier ones are superseded but kept. */
  assessments: Assessment[];
  determination?: Determination;
  referrals: Referral[];
}

/** The whole stored state of a case; protected personal data lives apart, encrypted. */
export interface CaseState {
  id: string;
  reference: string;
  version: number;
  owningOrganisation: string;
  confidentiality: ConfidentialityLevel;
  countryCode: string;
  openedAt: Date;
  openedBy: string;
  openedBecause: 'opening_policy' | 'officer';
  incidents: IncidentLink[];
  concernedStates: ConcernedStateTrack[];
  reportingPolicy: ReportingPolicy;
  prosecutions: Prosecution[];
  capacitySupport: CapacitySupport[];
  survivorSupport: SurvivorSupport[];
  evidence: EvidenceItem[];
  reviewFlags: ReviewFlag[];
  closure?: Closure;
  /** How many timeline entries are stored; new ones are numbered after it. */
  timelineLength: number;
}

/** Who acts and when; ids for the records a transition creates. */
export interface TransitionContext {
  by: string;
  now: Date;
  newId: () => string;
}

export interface OpenCaseFacts {
  id: string;
  reference: string;
  owningOrganisation: string;
  openedBecause: CaseState['openedBecause'];
  primaryIncident: { incidentId: string; incidentReference: string; countryCode: string; confidentiality: ConfidentialityLevel };
  concernedStateCode: string;
  reportingPolicy: ReportingPolicy;
}

const ConfidentialityOrder: ConfidentialityLevel[] = ['public', 'restricted', 'confidential'];

/**
 * The accountability case of recommendation 6: from the request to the concerned State to
 * referral, prosecution, survivors' support and closure. Every transition goes through the
 * explicit table of `CaseWorkflow`, records one timeline entry and its events.
 */
export class Case extends AggregateRoot {
  private newTimeline: TimelineEntry[] = [];

  private constructor(private current: CaseState) {
    super();
  }

  static open(facts: OpenCaseFacts, ctx: TransitionContext): Case {
    const incident = facts.primaryIncident;
    const opened = new Case({
      id: facts.id,
      reference: facts.reference,
      version: 1,
      owningOrganisation: facts.owningOrganisation,
      confidentiality: incident.confidentiality,
      countryCode: incident.countryCode,
      openedAt: ctx.now,
      openedBy: ctx.by,
      openedBecause: facts.openedBecause,
      incidents: [{ ...incident, kind: 'primary', linkedAt: ctx.now }],
      concernedStates: [emptyTrack(facts.concernedStateCode, 'territorial_state')],
      reportingPolicy: facts.reportingPolicy,
      prosecutions: [],
      capacitySupport: [],
      survivorSupport: [],
      evidence: [],
      reviewFlags: [],
      timelineLength: 0,
    });
    opened.entry(
      ctx,
      'open',
      facts.openedBecause === 'opening_policy'
        ? `Opened for ${incident.incidentReference}: the verified incident matches the opening policy`
        : `Opened for ${incident.incidentReference}`,
    );
    opened.record(CaseOpened, opened.id, {
      caseId: opened.id,
      reference: opened.reference,
      incidentId: incident.incidentId,
      concernedStateCode: facts.concernedStateCode,
      openedAt: ctx.now.toISOString(),
      version: 1,
      owningOrganisation: facts.owningOrganisation,
      confidentiality: incident.confidentiality,
      countryCode: incident.countryCode,
      openedBecause: facts.openedBecause,
    });
    return opened;
  }

  static restore(state: CaseState): Case {
    return new Case(state);
  }

  get id(): string {
    return this.current.id;
  }

  get reference(): string {
    return this.current.reference;
  }

  get version(): number {
    return this.current.version;
  }

  get state(): Readonly<CaseState> {
    return this.current;
  }

  get status(): CaseStatus {
    return this.current.closure ? 'closed' : 'open';
  }

  get stage(): CaseStage {
    return CaseWorkflow.caseStage(
      this.status,
      this.current.concernedStates.map((track) => track.stage),
    );
  }

  /** Transitions an officer may make now: of the case, and of each concerned State. */
  allowedTransitions(): { case: readonly CaseTransition[]; concernedStates: Record<string, TrackTransition[]> } {
    return {
      case: CaseWorkflow.allowedForCase(this.status).filter((transition) => !SystemTransitions.includes(transition)),
      concernedStates: Object.fromEntries(
        this.current.concernedStates.map((track) => [track.stateCode, CaseWorkflow.allowedForTrack(this.status, track.stage)]),
      ),
    };
  }

  /** The earliest open due date of any concerned State. */
  nextDue(): (DueDate & { concernedStateCode: string }) | undefined {
    return this.current.concernedStates
      .flatMap((track) => {
        const next = ReportingCalendar.of(track.dueDates).next();
        return next ? [{ ...next, concernedStateCode: track.stateCode }] : [];
      })
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0];
  }

  /** Indicators of unwillingness or inability per concerned State, as of `today` (recommendations only). */
  indicators(today: CalendarDate, delayThresholdDays: number): Record<string, Indicator[]> {
    return Object.fromEntries(
      this.current.concernedStates.map((track) => [track.stateCode, trackIndicators(track, today, delayThresholdDays)]),
    );
  }

  // ---- incidents -------------------------------------------------------------------------

  linkIncident(
    incident: Omit<IncidentLink, 'kind' | 'linkedAt' | 'duplicateOfIncidentId'>,
    kind: 'related' | 'duplicate',
    duplicateOfIncidentId: string | undefined,
    reason: string,
    ctx: TransitionContext,
  ): void {
    this.assertCase('link_incident');
    if (this.linkOf(incident.incidentId)) throw new ConflictError(`${incident.incidentReference} is already in case ${this.reference}`);
    if (kind === 'duplicate') {
      const original = duplicateOfIncidentId && this.linkOf(duplicateOfIncidentId);
      if (!original) {
        throw new InconsistentInputError('A duplicate must name an incident already in the case', [
          { field: 'duplicateOfIncidentId', problems: ['must be an incident linked to this case'] },
        ]);
      }
    } else if (duplicateOfIncidentId) {
      throw new InconsistentInputError('Only a duplicate names the incident it duplicates', [
        { field: 'duplicateOfIncidentId', problems: ['is only allowed when kind is duplicate'] },
      ]);
    }
    this.current.incidents.push({ ...incident, kind, duplicateOfIncidentId, linkedAt: ctx.now });
    this.bump(ctx, 'link_incident', `${incident.incidentReference} linked as ${kind}`, reason);
    this.record(CaseIncidentLinked, this.id, {
      ...this.eventBase(ctx),
      incidentId: incident.incidentId,
      linkKind: kind,
      duplicateOfIncidentId,
    });
    this.followConfidentiality(ctx);
  }

  unlinkIncident(incidentId: string, reason: string, ctx: TransitionContext): void {
    this.assertCase('unlink_incident');
    const link = this.linkOf(incidentId);
    if (!link) throw new NotFoundError(`Incident ${incidentId} is not linked to case ${this.reference}`);
    if (link.kind === 'primary') {
      throw new InconsistentInputError('The incident the case was opened for stays in it; close the case instead', [
        { field: 'incidentId', problems: ['is the primary incident of the case'] },
      ]);
    }
    const dependants = this.current.incidents.filter((other) => other.duplicateOfIncidentId === incidentId);
    if (dependants.length > 0) {
      throw new InconsistentInputError(`Unlink its duplicates first: ${dependants.map((other) => other.incidentReference).join(', ')}`, [
        { field: 'incidentId', problems: ['other linked incidents are marked as its duplicates'] },
      ]);
    }
    this.current.incidents = this.current.incidents.filter((other) => other.incidentId !== incidentId);
    this.bump(ctx, 'unlink_incident', `${link.incidentReference} unlinked`, reason);
    this.record(CaseIncidentUnlinked, this.id, { ...this.eventBase(ctx), incidentId });
    this.followConfidentiality(ctx);
  }

  /** An incident of the case was rejected in intake: the case is kept, flagged for an officer to review. */
  flagForReview(incidentId: string, ctx: TransitionContext): void {
    const link = this.linkOf(incidentId);
    if (!link || this.current.reviewFlags.some((flag) => flag.incidentId === incidentId)) return;
    this.assertCase('flag_for_review');
    this.current.reviewFlags.push({
      incidentId,
      incidentReference: link.incidentReference,
      flaggedAt: ctx.now,
      cause: 'incident_rejected',
    });
    this.bump(ctx, 'flag_for_review', `${link.incidentReference} was rejected in intake; the case needs review`);
    this.record(CaseFlaggedForReview, this.id, { ...this.eventBase(ctx), incidentId });
  }

  /** An amended incident may change confidentiality; the case takes the most restrictive of its incidents. */
  incidentConfidentialityChanged(incidentId: string, confidentiality: ConfidentialityLevel, ctx: TransitionContext): void {
    const link = this.linkOf(incidentId);
    if (!link || link.confidentiality === confidentiality) return;
    link.confidentiality = confidentiality;
    this.followConfidentiality(ctx);
  }

  // ---- concerned States and the request (6.1) --------------------------------------------

  addConcernedState(stateCode: string, basis: ConcernedStateBasis, reason: string, ctx: TransitionContext): void {
    this.assertCase('add_concerned_state');
    if (this.trackOf(stateCode)) throw new ConflictError(`${stateCode} is already a concerned State of case ${this.reference}`);
    this.current.concernedStates.push(emptyTrack(stateCode, basis));
    this.bump(ctx, 'add_concerned_state', `${stateCode} added as concerned State (${basis.replaceAll('_', ' ')})`, reason);
    this.record(CaseConcernedStateAdded, this.id, { ...this.eventBase(ctx), concernedStateCode: stateCode, basis });
  }

  overrideReportingPolicy(policy: ReportingPolicy, reason: string, ctx: TransitionContext): void {
    this.assertCase('override_reporting_policy');
    this.current.reportingPolicy = policy;
    for (const track of this.current.concernedStates)
      track.dueDates = [...ReportingCalendar.of(track.dueDates).withPolicy(policy).dueDates];
    this.bump(
      ctx,
      'override_reporting_policy',
      `Reporting policy set to acknowledgement in ${policy.acknowledgementDays} days, first report in ${policy.firstReportDays}, then every ${policy.reportIntervalDays}`,
      reason,
    );
    this.record(CaseReportingPolicyChanged, this.id, { ...this.eventBase(ctx), ...policy });
  }

  requestInvestigation(stateCode: string, request: StateRequest, ctx: TransitionContext): void {
    const track = this.advance(stateCode, 'request_investigation');
    this.assertNotFuture('requestedOn', request.requestedOn, ctx);
    track.request = request;
    track.dueDates = [...ReportingCalendar.afterRequest(request.requestedOn, this.current.reportingPolicy, ctx.newId).dueDates];
    const [acknowledgement, firstReport] = track.dueDates;
    this.bump(
      ctx,
      'request_investigation',
      `Investigation requested of ${stateCode} by ${request.channel.replaceAll('_', ' ')} on ${request.requestedOn}`,
      undefined,
      stateCode,
    );
    this.record(CaseStateRequested, this.id, {
      ...this.eventBase(ctx),
      concernedStateCode: stateCode,
      requestedOn: request.requestedOn,
      channel: request.channel,
      acknowledgementDueOn: acknowledgement.dueOn,
      firstReportDueOn: firstReport.dueOn,
    });
  }

  acknowledge(stateCode: string, receivedOn: CalendarDate, ctx: TransitionContext): void {
    const track = this.advance(stateCode, 'acknowledge');
    this.assertOnOrAfterRequest(track, 'receivedOn', receivedOn, ctx);
    const due = track.dueDates.find((date) => date.kind === 'acknowledgement');
    track.dueDates = [...ReportingCalendar.of(track.dueDates).acknowledge(receivedOn).dueDates];
    track.acknowledgedOn = receivedOn;
    const daysLate = track.dueDates.find((date) => date.id === due?.id)?.daysLate ?? 0;
    this.bump(ctx, 'acknowledge', `${stateCode} acknowledged the request on ${receivedOn}${lateness(daysLate)}`, undefined, stateCode);
    this.record(CaseStateAcknowledged, this.id, {
      ...this.eventBase(ctx),
      concernedStateCode: stateCode,
      acknowledgedOn: receivedOn,
      daysLate,
    });
  }

  reportProgress(stateCode: string, report: Omit<ProgressReport, 'daysLate'>, ctx: TransitionContext): void {
    const track = this.advance(stateCode, 'report_progress');
    this.assertOnOrAfterRequest(track, 'receivedOn', report.receivedOn, ctx);
    const before = ReportingCalendar.of(track.dueDates);
    const answered = before.dueDates.find((date) => date.kind === 'progress_report' && !date.fulfilledOn && !date.cancelledOn);
    const after = before.receiveProgressReport(report.receivedOn, this.current.reportingPolicy, ctx.newId);
    track.dueDates = [...after.dueDates];
    const daysLate = track.dueDates.find((date) => date.id === answered?.id)?.daysLate ?? 0;
    track.progressReports.push({ ...report, daysLate });
    track.acknowledgedOn ??= report.receivedOn;
    const nextDue = after.next();
    this.bump(
      ctx,
      'report_progress',
      `Progress report ${track.progressReports.length} of ${stateCode} received on ${report.receivedOn}${lateness(daysLate)}: investigation ${report.investigationStatus.replaceAll('_', ' ')}`,
      undefined,
      stateCode,
    );
    this.record(CaseProgressReported, this.id, {
      ...this.eventBase(ctx),
      concernedStateCode: stateCode,
      receivedOn: report.receivedOn,
      investigationStatus: report.investigationStatus,
      suspectsIdentified: report.suspectsIdentified,
      preventionMeasuresReported: report.preventionMeasuresReported,
      familiesInformed: report.familiesInformed,
      daysLate,
      nextReportDueOn: nextDue!.dueOn,
    });
  }

  /**
   * The scheduler found these due dates missed on `today`: one event per missed date. Dates
   * already announced, fulfilled, cancelled or not yet missed are left alone, so a second
   * scheduler instance or tick cannot announce one twice.
   */
  markOverdue(dueDateIds: readonly string[], today: CalendarDate, ctx: TransitionContext): number {
    if (this.status === 'closed') return 0;
    let announced = 0;
    for (const track of this.current.concernedStates) {
      let calendar = ReportingCalendar.of(track.dueDates);
      for (const due of calendar.missed(today).filter((missed) => dueDateIds.includes(missed.id))) {
        calendar = calendar.notifyOverdue(due.id, today);
        announced++;
        this.bump(
          ctx,
          'mark_overdue',
          `${due.kind === 'acknowledgement' ? 'Acknowledgement' : `Progress report ${due.sequence}`} of ${track.stateCode} due ${due.dueOn} is overdue`,
          undefined,
          track.stateCode,
        );
        this.record(CaseReportOverdue, this.id, {
          ...this.eventBase(ctx),
          concernedStateCode: track.stateCode,
          dueDateId: due.id,
          dueKind: due.kind,
          sequence: due.sequence,
          dueOn: due.dueOn,
          detectedOn: today,
        });
      }
      track.dueDates = [...calendar.dueDates];
    }
    return announced;
  }

  // ---- assessment, determination, referral (6.1, 6.2) -------------------------------------

  assess(stateCode: string, assessment: NewAssessment, delayThresholdDays: number, ctx: TransitionContext): Assessment {
    const track = this.advance(stateCode, 'assess');
    this.assertOnOrAfterRequest(track, 'assessedOn', assessment.assessedOn, ctx);
    const standards = new Set(assessment.ratings.map((rating) => rating.standard));
    if (standards.size !== assessment.ratings.length || standards.size !== 6) {
      throw new InconsistentInputError('An assessment rates each of the six standards exactly once', [
        { field: 'ratings', problems: ['must rate full, prompt, impartial, independent, transparent and effective, once each'] },
      ]);
    }
    const unknownEvidence = assessment.ratings
      .flatMap((rating) => rating.evidenceItemIds)
      .filter((id) => !this.current.evidence.some((item) => item.id === id));
    if (unknownEvidence.length > 0) {
      throw new InconsistentInputError('Evidence relied on must be in the case register', [
        { field: 'ratings.evidenceItemIds', problems: [`unknown evidence items: ${[...new Set(unknownEvidence)].join(', ')}`] },
      ]);
    }
    const recorded: Assessment = { ...assessment, id: ctx.newId(), assessedBy: ctx.by, indicators: [] };
    track.assessments.push(recorded);
    recorded.indicators = trackIndicators(track, toCalendarDate(ctx.now), delayThresholdDays).map((indicator) => indicator.kind);
    const superseding = track.assessments.length > 1 ? ', superseding the earlier assessment' : '';
    this.bump(ctx, 'assess', `Investigation of ${stateCode} assessed as of ${assessment.assessedOn}${superseding}`, undefined, stateCode);
    this.record(CaseAssessed, this.id, {
      ...this.eventBase(ctx),
      concernedStateCode: stateCode,
      assessmentId: recorded.id,
      assessedOn: recorded.assessedOn,
      ratings: recorded.ratings.map(({ standard, rating }) => ({ standard, rating })),
      judicialSystem: recorded.judicialSystem,
      indicators: recorded.indicators,
    });
    return recorded;
  }

  /**
   * A person determines that the State is unable or unwilling (6.2), on indicators that fit
   * the finding: unwillingness rests on art. 17(2) indicators, inability on art. 17(3).
   */
  determine(stateCode: string, proposal: DeterminationProposal, requireSecondApproval: boolean, ctx: TransitionContext): void {
    const track = this.trackOrThrow(stateCode);
    const next = CaseWorkflow.nextStage(this.status, track.stage, 'determine', this.where(stateCode));
    const problems = groundProblems(proposal);
    if (problems.length > 0) {
      throw new InconsistentInputError(`The grounds do not support the finding: ${problems.join('; ')}`, [{ field: 'grounds', problems }]);
    }
    track.stage = requireSecondApproval ? 'determination_pending' : next;
    track.determination = {
      ...proposal,
      id: ctx.newId(),
      decidedBy: ctx.by,
      decidedOn: toCalendarDate(ctx.now),
      status: requireSecondApproval ? 'pending_approval' : 'effective',
    };
    const contract = requireSecondApproval ? CaseDeterminationProposed : CaseDeterminedUnableUnwilling;
    this.bump(
      ctx,
      'determine',
      `${stateCode} ${requireSecondApproval ? 'proposed as' : 'determined'} ${proposal.finding.replaceAll('_', ' ')}${requireSecondApproval ? '; awaiting a second approval' : ''}`,
      proposal.justification,
      stateCode,
    );
    this.recordDetermination(contract, track, ctx);
  }

  /** Four-eyes: a second officer, never the one who proposed it, approves the determination. */
  approveDetermination(stateCode: string, ctx: TransitionContext): void {
    const track = this.trackOrThrow(stateCode);
    const next = CaseWorkflow.nextStage(this.status, track.stage, 'approve_determination', this.where(stateCode));
    const determination = track.determination!;
    if (determination.decidedBy === ctx.by) {
      throw new ForbiddenError('Four-eyes: the determination must be approved by another officer than the one who proposed it');
    }
    track.stage = next;
    track.determination = { ...determination, status: 'effective', approvedBy: ctx.by, approvedOn: toCalendarDate(ctx.now) };
    this.bump(ctx, 'approve_determination', `Determination on ${stateCode} approved by a second officer`, undefined, stateCode);
    this.recordDetermination(CaseDeterminedUnableUnwilling, track, ctx);
  }

  refer(stateCode: string, referral: Pick<Referral, 'mechanism' | 'referredOn' | 'reference'>, ctx: TransitionContext): Referral {
    const track = this.advance(stateCode, 'refer');
    this.assertNotFuture('referredOn', referral.referredOn, ctx);
    if (track.referrals.some((earlier) => earlier.mechanism === referral.mechanism && earlier.status !== 'declined')) {
      throw new ConflictError(`Case ${this.reference} is already referred to the ${MechanismNames[referral.mechanism]} for ${stateCode}`);
    }
    const recorded: Referral = {
      ...referral,
      id: ctx.newId(),
      status: 'submitted',
      statusOn: referral.referredOn,
      history: [{ status: 'submitted', on: referral.referredOn, by: ctx.by }],
    };
    track.referrals.push(recorded);
    this.bump(ctx, 'refer', `Referred to the ${MechanismNames[referral.mechanism]} on ${referral.referredOn}`, undefined, stateCode);
    this.record(CaseReferred, this.id, referralEvent(this.eventBase(ctx), stateCode, recorded));
    return recorded;
  }

  updateReferral(referralId: string, update: ReferralUpdate, ctx: TransitionContext): void {
    const track = this.current.concernedStates.find((candidate) => candidate.referrals.some((referral) => referral.id === referralId));
    if (!track) throw new NotFoundError(`No referral ${referralId} in case ${this.reference}`);
    this.advance(track.stateCode, 'update_referral');
    const referral = track.referrals.find((candidate) => candidate.id === referralId)!;
    if (update.on < referral.statusOn) {
      throw new InconsistentInputError('A status update cannot predate the current status', [
        { field: 'on', problems: [`must be on or after ${referral.statusOn}`] },
      ]);
    }
    this.assertNotFuture('on', update.on, ctx);
    Object.assign(referral, {
      status: update.status,
      statusOn: update.on,
      outcome: update.outcome ?? referral.outcome,
      outcomeSummary: update.outcomeSummary ?? referral.outcomeSummary,
    });
    referral.history.push({ status: update.status, on: update.on, by: ctx.by });
    this.bump(
      ctx,
      'update_referral',
      `Referral to the ${MechanismNames[referral.mechanism]}: ${update.status.replaceAll('_', ' ')} on ${update.on}`,
      undefined,
      track.stateCode,
    );
    this.record(CaseReferralUpdated, this.id, referralEvent(this.eventBase(ctx), track.stateCode, referral));
  }

  // ---- prosecution, capacity support, survivors (6.3, 6.4, 6.5) ----------------------------

  recordProsecution(prosecution: NewProsecution, ctx: TransitionContext): Prosecution {
    this.assertCase('update_prosecution');
    this.trackOrThrow(prosecution.concernedStateCode);
    checkVerdict(prosecution);
    const recorded: Prosecution = {
      ...prosecution,
      id: ctx.newId(),
      history: [{ trialStatus: prosecution.trialStatus, on: prosecution.statusOn, by: ctx.by }],
    };
    this.current.prosecutions.push(recorded);
    this.bump(
      ctx,
      'update_prosecution',
      `Prosecution recorded: ${prosecution.accusedCount} accused, ${prosecution.trialStatus.replaceAll('_', ' ')}`,
      undefined,
      prosecution.concernedStateCode,
    );
    this.record(CaseProsecutionUpdated, this.id, prosecutionEvent(this.eventBase(ctx), recorded));
    return recorded;
  }

  updateProsecution(prosecutionId: string, update: ProsecutionUpdate, ctx: TransitionContext): void {
    this.assertCase('update_prosecution');
    const prosecution = this.current.prosecutions.find((candidate) => candidate.id === prosecutionId);
    if (!prosecution) throw new NotFoundError(`No prosecution ${prosecutionId} in case ${this.reference}`);
    const merged = { ...prosecution, ...definedOnly(update) };
    checkVerdict(merged);
    Object.assign(prosecution, merged);
    prosecution.history.push({ trialStatus: merged.trialStatus, on: merged.statusOn, by: ctx.by });
    const verdict = merged.verdict ? `, verdict ${merged.verdict}` : '';
    this.bump(
      ctx,
      'update_prosecution',
      `Prosecution: ${merged.trialStatus.replaceAll('_', ' ')}${verdict}`,
      undefined,
      prosecution.concernedStateCode,
    );
    this.record(CaseProsecutionUpdated, this.id, prosecutionEvent(this.eventBase(ctx), prosecution));
  }

  recordCapacitySupport(support: NewCapacitySupport, ctx: TransitionContext): CapacitySupport {
    this.assertCase('record_capacity_support');
    checkPeriod(support.startOn, support.endOn);
    const recorded: CapacitySupport = { ...support, id: ctx.newId() };
    this.current.capacitySupport.push(recorded);
    this.bump(
      ctx,
      'record_capacity_support',
      `Capacity support: ${support.kind.replaceAll('_', ' ')} by ${support.provider}, ${support.status}`,
    );
    this.record(CaseCapacitySupportRecorded, this.id, capacityEvent(this.eventBase(ctx), recorded));
    return recorded;
  }

  updateCapacitySupport(supportId: string, update: CapacitySupportUpdate, ctx: TransitionContext): void {
    this.assertCase('record_capacity_support');
    const support = this.current.capacitySupport.find((candidate) => candidate.id === supportId);
    if (!support) throw new NotFoundError(`No capacity support ${supportId} in case ${this.reference}`);
    checkPeriod(support.startOn, update.endOn ?? support.endOn);
    Object.assign(support, definedOnly(update));
    this.bump(ctx, 'record_capacity_support', `Capacity support: ${support.kind.replaceAll('_', ' ')} ${support.status}`);
    this.record(CaseCapacitySupportRecorded, this.id, capacityEvent(this.eventBase(ctx), support));
  }

  updateSurvivorSupport(kind: SurvivorSupportKind, support: Omit<SurvivorSupport, 'kind' | 'updatedOn'>, ctx: TransitionContext): void {
    this.assertCase('update_survivor_support');
    const updated: SurvivorSupport = { kind, ...support, updatedOn: toCalendarDate(ctx.now) };
    this.current.survivorSupport = [...this.current.survivorSupport.filter((other) => other.kind !== kind), updated];
    this.bump(
      ctx,
      'update_survivor_support',
      `Survivor support, ${kind.replaceAll('_', ' ')}: ${support.personsSupported} persons, ${support.status.replaceAll('_', ' ')}`,
    );
    this.record(CaseSurvivorSupportUpdated, this.id, {
      ...this.eventBase(ctx),
      kind,
      personsSupported: support.personsSupported,
      status: support.status,
    });
  }

  // ---- evidence register ------------------------------------------------------------------

  registerEvidence(registration: EvidenceRegistration, ctx: TransitionContext): EvidenceItem {
    this.assertCase('register_evidence');
    this.assertNotFuture('receivedOn', registration.receivedOn, ctx);
    const duplicate = this.current.evidence.find((item) => item.sha256 === registration.sha256);
    if (duplicate) throw new ConflictError(`An item with this SHA-256 is already registered in case ${this.reference} (${duplicate.id})`);
    const item: EvidenceItem = { ...registration, id: ctx.newId(), custody: [], checks: [], integrityIntact: true };
    this.current.evidence.push(item);
    this.bump(
      ctx,
      'register_evidence',
      `Evidence registered: ${registration.category.replaceAll('_', ' ')} received from ${registration.receivedFrom}, held by ${registration.holder}`,
    );
    this.record(CaseEvidenceRegistered, this.id, evidenceEvent(this.eventBase(ctx), item, registration.receivedOn));
    return item;
  }

  transferEvidence(itemId: string, transfer: { to: string; on: CalendarDate; reason: string }, ctx: TransitionContext): void {
    this.assertCase('transfer_evidence');
    const item = this.evidenceOrThrow(itemId);
    const lastOn = item.custody.at(-1)?.on ?? item.receivedOn;
    if (transfer.to === item.holder) {
      throw new InconsistentInputError('Custody passes to another holder', [{ field: 'to', problems: [`already held by ${item.holder}`] }]);
    }
    if (transfer.on < lastOn) {
      throw new InconsistentInputError('A transfer cannot predate the previous link of the chain', [
        { field: 'on', problems: [`must be on or after ${lastOn}`] },
      ]);
    }
    this.assertNotFuture('on', transfer.on, ctx);
    item.custody.push({ from: item.holder, to: transfer.to, on: transfer.on, reason: transfer.reason, by: ctx.by });
    item.holder = transfer.to;
    this.bump(
      ctx,
      'transfer_evidence',
      `Custody of evidence ${itemId} passed from ${item.custody.at(-1)!.from} to ${transfer.to}`,
      transfer.reason,
    );
    this.record(CaseEvidenceTransferred, this.id, evidenceEvent(this.eventBase(ctx), item, transfer.on));
  }

  /** A copy presented again is hashed by the caller; a different SHA-256 flags the item. */
  checkEvidence(itemId: string, sha256: string, ctx: TransitionContext): boolean {
    this.assertCase('check_evidence');
    const item = this.evidenceOrThrow(itemId);
    const matched = item.sha256 === sha256;
    item.checks.push({ on: toCalendarDate(ctx.now), sha256, matched, by: ctx.by });
    if (!matched) item.integrityIntact = false;
    this.bump(
      ctx,
      'check_evidence',
      matched
        ? `Evidence ${itemId} checked: the SHA-256 matches`
        : `Evidence ${itemId} flagged: a copy with a different SHA-256 was presented`,
    );
    this.record(CaseEvidenceChecked, this.id, evidenceEvent(this.eventBase(ctx), item, toCalendarDate(ctx.now)));
    return matched;
  }

  // ---- closure ------------------------------------------------------------------------------

  close(closure: Pick<Closure, 'outcome' | 'reason'>, ctx: TransitionContext): void {
    this.assertCase('close');
    const today = toCalendarDate(ctx.now);
    this.current.closure = { ...closure, closedAt: ctx.now, by: ctx.by };
    // A closed case emits no overdue events: its open due dates are cancelled.
    for (const track of this.current.concernedStates) track.dueDates = [...ReportingCalendar.of(track.dueDates).cancelOpen(today).dueDates];
    this.bump(ctx, 'close', `Closed: ${closure.outcome.replaceAll('_', ' ')}`, closure.reason);
    this.record(CaseClosed, this.id, { ...this.eventBase(ctx), outcome: closure.outcome });
  }

  reopen(reason: string, ctx: TransitionContext): void {
    this.assertCase('reopen');
    this.current.closure = undefined;
    const today = toCalendarDate(ctx.now);
    for (const track of this.current.concernedStates.filter((candidate) => candidate.request)) {
      track.dueDates = [...ReportingCalendar.of(track.dueDates).resume(today, this.current.reportingPolicy, ctx.newId).dueDates];
    }
    this.bump(ctx, 'reopen', 'Reopened', reason);
    this.record(CaseReopened, this.id, this.eventBase(ctx));
  }

  /** Timeline entries recorded since the last call, to be stored with the state change. */
  pullTimeline(): TimelineEntry[] {
    const entries = this.newTimeline;
    this.newTimeline = [];
    return entries;
  }

  // ---- internals ------------------------------------------------------------------------------

  private advance(stateCode: string, transition: TrackTransition): ConcernedStateTrack {
    const track = this.trackOrThrow(stateCode);
    track.stage = CaseWorkflow.nextStage(this.status, track.stage, transition, this.where(stateCode));
    return track;
  }

  private assertCase(transition: CaseTransition): void {
    CaseWorkflow.assertCase(this.status, transition, this.reference);
  }

  private where(stateCode: string): string {
    return `Concerned State ${stateCode} of case ${this.reference}`;
  }

  private trackOf(stateCode: string): ConcernedStateTrack | undefined {
    return this.current.concernedStates.find((track) => track.stateCode === stateCode);
  }

  private trackOrThrow(stateCode: string): ConcernedStateTrack {
    const track = this.trackOf(stateCode);
    if (!track) throw new NotFoundError(`${stateCode} is not a concerned State of case ${this.reference}; add it first`);
    return track;
  }

  private linkOf(incidentId: string): IncidentLink | undefined {
    return this.current.incidents.find((link) => link.incidentId === incidentId);
  }

  private evidenceOrThrow(itemId: string): EvidenceItem {
    const item = this.current.evidence.find((candidate) => candidate.id === itemId);
    if (!item) throw new NotFoundError(`No evidence item ${itemId} in case ${this.reference}`);
    return item;
  }

  private assertNotFuture(field: string, date: CalendarDate, ctx: TransitionContext): void {
    if (date > toCalendarDate(ctx.now)) {
      throw new InconsistentInputError(`${field} is in the future`, [{ field, problems: ['must not be after today (UTC)'] }]);
    }
  }

  private assertOnOrAfterRequest(track: ConcernedStateTrack, field: string, date: CalendarDate, ctx: TransitionContext): void {
    this.assertNotFuture(field, date, ctx);
    if (track.request && date < track.request.requestedOn) {
      throw new InconsistentInputError(`${field} is before the request`, [
        { field, problems: [`must be on or after the request of ${track.request.requestedOn}`] },
      ]);
    }
  }

  private followConfidentiality(ctx: TransitionContext): void {
    const level =
      ConfidentialityOrder[Math.max(...this.current.incidents.map((link) => ConfidentialityOrder.indexOf(link.confidentiality)))];
    if (level === this.current.confidentiality) return;
    this.current.confidentiality = level;
    this.bump(ctx, 'follow_incident_confidentiality', `The case is now ${level}, following its incidents`);
    this.record(CaseConfidentialityChanged, this.id, this.eventBase(ctx));
  }

  private recordDetermination(contract: EventContract<object>, track: ConcernedStateTrack, ctx: TransitionContext): void {
    const determination = track.determination!;
    this.record(contract, this.id, {
      ...this.eventBase(ctx),
      concernedStateCode: track.stateCode,
      determinationId: determination.id,
      finding: determination.finding,
      grounds: determination.grounds,
      decidedOn: determination.decidedOn,
      secondApproval: determination.status === 'effective' && determination.approvedBy !== undefined,
    });
  }

  /** One version and one timeline entry per transition. */
  private bump(
    ctx: TransitionContext,
    action: TimelineEntry['action'],
    summary: string,
    reason?: string,
    concernedStateCode?: string,
  ): void {
    this.current.version++;
    this.entry(ctx, action, summary, reason, concernedStateCode);
  }

  private entry(
    ctx: TransitionContext,
    action: TimelineEntry['action'],
    summary: string,
    reason?: string,
    concernedStateCode?: string,
  ): void {
    this.current.timelineLength++;
    this.newTimeline.push({
      sequence: this.current.timelineLength,
      version: this.current.version,
      at: ctx.now,
      by: ctx.by,
      action,
      concernedStateCode,
      summary,
      reason,
    });
  }

  private eventBase(ctx: TransitionContext): CaseEventV1 {
    return {
      caseId: this.id,
      reference: this.reference,
      version: this.current.version,
      owningOrganisation: this.current.owningOrganisation,
      confidentiality: this.current.confidentiality,
      recordedAt: ctx.now.toISOString(),
    };
  }
}

const SystemTransitions: readonly CaseTransition[] = ['mark_overdue', 'flag_for_review', 'follow_incident_confidentiality'];

function emptyTrack(stateCode: string, basis: ConcernedStateBasis): ConcernedStateTrack {
  return { stateCode, basis, stage: 'not_requested', dueDates: [], progressReports: [], assessments: [], referrals: [] };
}

function trackIndicators(track: ConcernedStateTrack, today: CalendarDate, delayThresholdDays: number): Indicator[] {
  const latestReport = track.progressReports.at(-1);
  return deriveIndicators({
    today,
    delayThresholdDays,
    requestedOn: track.request?.requestedOn,
    dueDates: track.dueDates,
    latestAssessment: track.assessments.at(-1),
    latestProgressReport: latestReport && {
      receivedOn: latestReport.receivedOn,
      investigationStatus: latestReport.investigationStatus,
      suspectsIdentified: latestReport.suspectsIdentified,
    },
  });
}

const UnwillingnessGrounds: IndicatorKind[] = ['shielding', 'unjustified_delay', 'lack_of_independence_or_impartiality'];

/** Rome Statute art. 17(2) grounds support unwillingness, art. 17(3) inability. */
function groundProblems({ finding, grounds }: DeterminationProposal): string[] {
  const problems: string[] = [];
  if (grounds.length === 0) problems.push('name at least one indicator');
  if (finding !== 'unable' && !grounds.some((ground) => UnwillingnessGrounds.includes(ground))) {
    problems.push('unwillingness rests on shielding, unjustified delay or lack of independence or impartiality (art. 17(2))');
  }
  if (finding !== 'unwilling' && !grounds.includes('judicial_collapse')) {
    problems.push('inability rests on a collapse or unavailability of the judicial system (art. 17(3))');
  }
  return problems;
}

function checkVerdict(prosecution: Pick<Prosecution, 'trialStatus' | 'verdict' | 'sentence'>): void {
  const problems = [];
  if (prosecution.verdict && ['charges_filed', 'pre_trial', 'at_trial'].includes(prosecution.trialStatus)) {
    problems.push({ field: 'verdict', problems: ['comes with a judgment: trialStatus judgment_delivered, on_appeal or final'] });
  }
  if (prosecution.sentence && prosecution.verdict !== 'convicted') {
    problems.push({ field: 'sentence', problems: ['follows a conviction only'] });
  }
  if (problems.length > 0) throw new InconsistentInputError('The prosecution record is inconsistent', problems);
}

function checkPeriod(startOn: CalendarDate, endOn: CalendarDate | undefined): void {
  if (endOn && endOn < startOn)
    throw new InconsistentInputError('The support ends before it starts', [
      { field: 'endOn', problems: [`must be on or after ${startOn}`] },
    ]);
}

function lateness(daysLate: number): string {
  return daysLate === 1 ? ', 1 day late' : daysLate > 1 ? `, ${daysLate} days late` : '';
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;
}

function referralEvent(base: CaseEventV1, stateCode: string, referral: Referral) {
  return {
    ...base,
    concernedStateCode: stateCode,
    referralId: referral.id,
    mechanism: referral.mechanism,
    status: referral.status,
    statusOn: referral.statusOn,
    outcome: referral.outcome,
  };
}

function prosecutionEvent(base: CaseEventV1, prosecution: Prosecution) {
  return {
    ...base,
    concernedStateCode: prosecution.concernedStateCode,
    prosecutionId: prosecution.id,
    accusedCount: prosecution.accusedCount,
    charges: prosecution.charges,
    trialStatus: prosecution.trialStatus,
    verdict: prosecution.verdict,
    sentence: prosecution.sentence,
    appeal: prosecution.appeal,
    statusOn: prosecution.statusOn,
  };
}

function capacityEvent(base: CaseEventV1, support: CapacitySupport) {
  return { ...base, supportId: support.id, kind: support.kind, status: support.status, startOn: support.startOn, endOn: support.endOn };
}

function evidenceEvent(base: CaseEventV1, item: EvidenceItem, on: CalendarDate) {
  return { ...base, evidenceItemId: item.id, category: item.category, on, integrityIntact: item.integrityIntact };
}
