import type { ConfidentialityLevel, HarmType, IncidentSnapshotV1, IncidentStatus, PersonnelHarmCount, PersonnelStatus } from '#contracts';

/** One line of the figures projection: how many personnel of one status suffered one harm in one incident. */
export interface PersonnelFigure {
  harm: HarmType;
  status: PersonnelStatus;
  count: number;
}

/** What the Council figures keep of an incident. */
export interface IncidentFigures {
  incidentId: string;
  version: number;
  status: IncidentStatus;
  countryCode: string;
  year: number;
  /** The access rule every figure honours: a confidential incident counts only inside its organisation. */
  confidentiality: ConfidentialityLevel;
  owningOrganisation: string;
  figures: PersonnelFigure[];
}

/**
 * Folds an incident's counts into one figure per harm and status (affiliation and gender
 * are summed), the disaggregation Council summaries report; zero lines are dropped.
 */
export function personnelFigures(personnel: readonly PersonnelHarmCount[]): PersonnelFigure[] {
  const totals = new Map<string, PersonnelFigure>();
  for (const { harm, status, count } of personnel) {
    const key = `${harm}/${status}`;
    const figure = totals.get(key) ?? { harm, status, count: 0 };
    figure.count += count;
    totals.set(key, figure);
  }
  return [...totals.values()].filter((figure) => figure.count > 0);
}

/** Year of an incident date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
export function yearOf(occurredOn: string): number {
  return Number(occurredOn.slice(0, 4));
}

export function figuresOf(snapshot: IncidentSnapshotV1): IncidentFigures {
  return {
    incidentId: snapshot.incidentId,
    version: snapshot.version,
    status: snapshot.status,
    countryCode: snapshot.countryCode,
    year: yearOf(snapshot.occurredOn),
    confidentiality: snapshot.confidentiality,
    owningOrganisation: snapshot.reportingOrganisation,
    figures: personnelFigures(snapshot.personnel),
  };
}
