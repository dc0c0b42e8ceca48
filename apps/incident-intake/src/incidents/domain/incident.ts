import { IncidentReported, type DatePrecision, type PersonnelHarmCount } from '#contracts';
import { AggregateRoot, InconsistentInputError, type Clock } from '#domain';
import { IncidentDate } from './incident-date.js';

export interface ReportIncidentFacts {
  id: string;
  reference: string;
  countryCode: string;
  concernedStateCode?: string;
  occurredOn: string;
  occurredOnPrecision: DatePrecision;
  personnel: PersonnelHarmCount[];
  reportedBy: string;
  reportingOrganisation: string;
}

export type IncidentStatus = 'reported';

/** An attack on personnel, premises or assets as an officer recorded it (recommendation 1.4). */
export class Incident extends AggregateRoot {
  private constructor(
    readonly id: string,
    readonly reference: string,
    readonly countryCode: string,
    /** The State whose authorities will be asked to investigate; by default where it happened. */
    readonly concernedStateCode: string,
    readonly occurredOn: IncidentDate,
    readonly personnel: readonly PersonnelHarmCount[],
    readonly status: IncidentStatus,
    readonly reportedAt: Date,
    readonly reportedBy: string,
    readonly reportingOrganisation: string,
  ) {
    super();
  }

  static report(facts: ReportIncidentFacts, clock: Clock): Incident {
    const now = clock.now();
    const occurredOn = IncidentDate.parse(facts.occurredOn, facts.occurredOnPrecision, now);
    assertOneCountPerCategory(facts.personnel);
    const incident = new Incident(
      facts.id,
      facts.reference,
      facts.countryCode,
      facts.concernedStateCode ?? facts.countryCode,
      occurredOn,
      facts.personnel,
      'reported',
      now,
      facts.reportedBy,
      facts.reportingOrganisation,
    );
    incident.record(IncidentReported, incident.id, {
      incidentId: incident.id,
      reference: incident.reference,
      countryCode: incident.countryCode,
      concernedStateCode: incident.concernedStateCode,
      occurredOn: occurredOn.toString(),
      occurredOnPrecision: occurredOn.precision,
      reportedAt: now.toISOString(),
      reportingOrganisation: incident.reportingOrganisation,
      personnel: incident.personnel.map((count) => ({ ...count })),
    });
    return incident;
  }

  /** Rebuilds a stored incident; records no event. */
  static restore(
    state: Omit<ReportIncidentFacts, 'occurredOn' | 'occurredOnPrecision'> & {
      occurredOn: IncidentDate;
      status: IncidentStatus;
      reportedAt: Date;
    },
  ): Incident {
    return new Incident(
      state.id,
      state.reference,
      state.countryCode,
      state.concernedStateCode ?? state.countryCode,
      state.occurredOn,
      state.personnel,
      state.status,
      state.reportedAt,
      state.reportedBy,
      state.reportingOrganisation,
    );
  }
}

/** Each harm × status × affiliation × gender appears once, so totals cannot be double counted. */
function assertOneCountPerCategory(personnel: readonly PersonnelHarmCount[]): void {
  const seen = new Map<string, number>();
  const problems: { field: string; problems: string[] }[] = [];
  personnel.forEach((count, index) => {
    const key = [count.harm, count.status, count.affiliation ?? '-', count.gender ?? '-'].join('/');
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        field: `personnel.${index}`,
        problems: [`repeats the category of personnel.${first} (${key}); add the counts into one entry`],
      });
    } else {
      seen.set(key, index);
    }
  });
  if (problems.length > 0) throw new InconsistentInputError('The personnel counts repeat a category', problems);
}
