import {
  IncidentAmended,
  IncidentRejected,
  IncidentReported,
  IncidentVerified,
  type ExternalReference,
  type IncidentSnapshotV1,
  type IncidentStatus,
  type RejectionReason,
} from '#contracts';
import { AggregateRoot, canonicalJson, ConflictError, InconsistentInputError, type Clock, type FieldProblem } from '#domain';
import { AmendableFields, type IncidentDetails } from './incident-details.js';
import { IncidentDate } from './incident-date.js';
import { checkPersonnelFigures } from './personnel-counts.js';

export interface Rejection {
  reason: RejectionReason;
  explanation: string;
  duplicateOfIncidentId?: string;
}

/** The whole stored state of an incident (protected personal data lives apart, encrypted). */
export interface IncidentState {
  id: string;
  reference: string;
  version: number;
  status: IncidentStatus;
  details: IncidentDetails & { concernedStateCode: string };
  externalReference?: ExternalReference;
  rejection?: Rejection;
  reportedAt: Date;
  reportedBy: string;
  reportingOrganisation: string;
  updatedAt: Date;
}

/** One entry of an incident's history: what changed, who changed it, when and why. */
export interface IncidentChange {
  version: number;
  change: 'reported' | 'amended' | 'verified' | 'rejected';
  at: Date;
  by: string;
  reason?: string;
  changedFields?: string[];
  state: IncidentState;
}

export interface ReportIncidentFacts {
  id: string;
  reference: string;
  details: IncidentDetails;
  reportedBy: string;
  reportingOrganisation: string;
  externalReference?: ExternalReference;
}

/** An attack on personnel, premises or assets as officers recorded it (recommendation 1.4). */
export class Incident extends AggregateRoot {
  private changes: IncidentChange[] = [];

  private constructor(private current: IncidentState) {
    super();
  }

  /** Records a new incident; returns it with warnings about counts kept as reported. */
  static report(facts: ReportIncidentFacts, clock: Clock): { incident: Incident; warnings: string[] } {
    const now = clock.now();
    const { details, warnings } = validated(facts.details, now);
    const incident = new Incident({
      id: facts.id,
      reference: facts.reference,
      version: 1,
      status: 'reported',
      details,
      externalReference: facts.externalReference,
      reportedAt: now,
      reportedBy: facts.reportedBy,
      reportingOrganisation: facts.reportingOrganisation,
      updatedAt: now,
    });
    incident.changed('reported', facts.reportedBy, now);
    incident.record(IncidentReported, incident.id, incident.snapshot());
    return { incident, warnings };
  }

  static restore(state: IncidentState): Incident {
    return new Incident(state);
  }

  get id(): string {
    return this.current.id;
  }

  get version(): number {
    return this.current.version;
  }

  get state(): Readonly<IncidentState> {
    return this.current;
  }

  /**
   * Replaces the given fields; every rule is checked again on the result. Returns the names of
   * the fields that really changed (none: nothing is recorded and the version stays).
   */
  amend(
    changes: { [K in keyof IncidentDetails]?: IncidentDetails[K] | null },
    by: string,
    reason: string,
    clock: Clock,
  ): { changedFields: string[]; warnings: string[] } {
    if (this.current.status === 'rejected')
      throw new ConflictError(`Incident ${this.current.reference} was rejected; a rejected incident is not amended`);
    const now = clock.now();
    const cleared = RequiredFields.filter((field) => changes[field] === null);
    if (cleared.length > 0) {
      throw new InconsistentInputError(
        `Required fields cannot be cleared: ${cleared.join(', ')}`,
        cleared.map((field) => ({ field, problems: ['is required and cannot be null'] })),
      );
    }
    const merged: Record<string, unknown> = { ...this.current.details };
    for (const [field, value] of Object.entries(changes)) {
      if (value === null) delete merged[field];
      else if (value !== undefined) merged[field] = value;
    }
    if (
      'countryCode' in changes &&
      !('concernedStateCode' in changes) &&
      this.current.details.concernedStateCode === this.current.details.countryCode
    ) {
      // The concerned State followed the country by default; it keeps following it.
      merged.concernedStateCode = changes.countryCode;
    }
    const { details, warnings } = validated(merged as unknown as IncidentDetails, now);
    const changedFields = AmendableFields.filter((field) => canonicalJson(details[field]) !== canonicalJson(this.current.details[field]));
    if (changedFields.length === 0) return { changedFields, warnings };
    this.current = { ...this.current, details, version: this.current.version + 1, updatedAt: now };
    this.changed('amended', by, now, reason, changedFields);
    this.record(IncidentAmended, this.id, { ...this.snapshot(), amendedAt: now.toISOString(), changedFields });
    return { changedFields, warnings };
  }

  verify(by: string, clock: Clock): void {
    if (this.current.status !== 'reported') {
      throw new ConflictError(`Incident ${this.current.reference} is ${this.current.status}; only a reported incident can be verified`);
    }
    const now = clock.now();
    this.current = { ...this.current, status: 'verified', version: this.current.version + 1, updatedAt: now };
    this.changed('verified', by, now);
    this.record(IncidentVerified, this.id, {
      incidentId: this.id,
      reference: this.current.reference,
      version: this.current.version,
      verifiedAt: now.toISOString(),
    });
  }

  reject(rejection: Rejection, by: string, clock: Clock): void {
    if (this.current.status === 'rejected') throw new ConflictError(`Incident ${this.current.reference} is already rejected`);
    if (rejection.reason === 'duplicate' && !rejection.duplicateOfIncidentId) {
      throw new InconsistentInputError('A duplicate must name the incident it duplicates', [
        { field: 'duplicateOfIncidentId', problems: ['is required when reason is duplicate'] },
      ]);
    }
    if (rejection.reason !== 'duplicate' && rejection.duplicateOfIncidentId) {
      throw new InconsistentInputError('Only a duplicate names the incident it duplicates', [
        { field: 'duplicateOfIncidentId', problems: ['is only allowed when reason is duplicate'] },
      ]);
    }
    if (rejection.duplicateOfIncidentId === this.id) {
      throw new InconsistentInputError('An incident cannot duplicate itself', [
        { field: 'duplicateOfIncidentId', problems: ['names this incident'] },
      ]);
    }
    const now = clock.now();
    this.current = { ...this.current, status: 'rejected', rejection, version: this.current.version + 1, updatedAt: now };
    this.changed('rejected', by, now, rejection.explanation);
    this.record(IncidentRejected, this.id, {
      incidentId: this.id,
      reference: this.current.reference,
      version: this.current.version,
      reason: rejection.reason,
      duplicateOfIncidentId: rejection.duplicateOfIncidentId,
      rejectedAt: now.toISOString(),
    });
  }

  /** History entries recorded since the last call, to be stored with the state change. */
  pullChanges(): IncidentChange[] {
    const changes = this.changes;
    this.changes = [];
    return changes;
  }

  /** What events carry: no narrative, places below the country, coordinates, sources or names. */
  snapshot(): IncidentSnapshotV1 {
    const { details } = this.current;
    return {
      incidentId: this.id,
      reference: this.current.reference,
      version: this.current.version,
      status: this.current.status,
      countryCode: details.countryCode,
      concernedStateCode: details.concernedStateCode,
      occurredOn: details.occurredOn,
      occurredOnPrecision: details.occurredOnPrecision,
      locationType: details.locationType,
      meansOfAttack: details.meansOfAttack,
      attackContext: details.attackContext,
      motive: details.motive,
      perpetratorCategory: details.perpetratorCategory,
      personnel: details.personnel.map((count) => ({ ...count })),
      affiliationBreakdown: details.affiliationBreakdown,
      genderBreakdown: details.genderBreakdown,
      assets: details.assets.map((asset) => ({ ...asset })),
      confidentiality: details.confidentiality,
      sourceVerification: details.sourceVerification,
      externalReference: this.current.externalReference,
      reportedAt: this.current.reportedAt.toISOString(),
      reportingOrganisation: this.current.reportingOrganisation,
    };
  }

  private changed(change: IncidentChange['change'], by: string, at: Date, reason?: string, changedFields?: string[]): void {
    this.changes.push({ version: this.current.version, change, at, by, reason, changedFields, state: this.current });
  }
}

const RequiredFields = [
  'occurredOn',
  'occurredOnPrecision',
  'countryCode',
  'locationType',
  'meansOfAttack',
  'attackContext',
  'personnel',
  'assets',
  'perpetratorCategory',
  'sources',
  'confidentiality',
] as const satisfies readonly (keyof IncidentDetails)[];

/** Checks every rule at once, so one answer names every problem; normalises the date and the concerned State. */
function validated(details: IncidentDetails, today: Date): { details: IncidentState['details']; warnings: string[] } {
  const problems: FieldProblem[] = [];
  let occurredOn: string = details.occurredOn;
  try {
    occurredOn = IncidentDate.parse(details.occurredOn, details.occurredOnPrecision, today).toString();
  } catch (error) {
    if (!(error instanceof InconsistentInputError)) throw error;
    problems.push(...(error.details ?? []));
  }
  const counts = checkPersonnelFigures(details);
  problems.push(...counts.problems);
  if (problems.length > 0) {
    throw new InconsistentInputError(`The incident is inconsistent: ${problems.map((problem) => problem.field).join(', ')}`, problems);
  }
  return {
    details: { ...details, occurredOn, concernedStateCode: details.concernedStateCode ?? details.countryCode },
    warnings: counts.warnings,
  };
}
