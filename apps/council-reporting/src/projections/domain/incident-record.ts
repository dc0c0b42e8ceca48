import type { AffiliationBreakdown, GenderBreakdown, IncidentSnapshotV1, PersonnelHarmCount } from '#contracts';
import { regionOf } from '../../statistics/domain/countries.js';

/** One line of the personnel figures: people of one status, affiliation and gender who suffered one harm. */
export interface PersonnelFigure {
  harm: PersonnelHarmCount['harm'];
  status: PersonnelHarmCount['status'];
  affiliation: string;
  gender: string;
  count: number;
}

export interface AssetFigure {
  assetType: string;
  un: boolean;
  destroyed: boolean;
}

/** What the read models keep of an incident: categories, counts and dates, never a person. */
export interface IncidentRecord {
  incidentId: string;
  reference: string;
  version: number;
  status: IncidentSnapshotV1['status'];
  countryCode: string;
  concernedStateCode: string;
  region: string;
  occurredOn: string;
  occurredFrom: string;
  occurredTo: string;
  year: number;
  month: number | null;
  meansOfAttack: string;
  perpetratorCategory: string;
  confidentiality: IncidentSnapshotV1['confidentiality'];
  owningOrganisation: string;
  personnel: PersonnelFigure[];
  assets: AssetFigure[];
}

export function incidentRecordOf(snapshot: IncidentSnapshotV1): IncidentRecord {
  const [from, to] = occurredBetween(snapshot.occurredOn);
  return {
    incidentId: snapshot.incidentId,
    reference: snapshot.reference,
    version: snapshot.version,
    status: snapshot.status,
    countryCode: snapshot.countryCode,
    concernedStateCode: snapshot.concernedStateCode,
    region: regionOf(snapshot.countryCode),
    occurredOn: snapshot.occurredOn,
    occurredFrom: from,
    occurredTo: to,
    year: Number(snapshot.occurredOn.slice(0, 4)),
    month: snapshot.occurredOn.length >= 7 ? Number(snapshot.occurredOn.slice(5, 7)) : null,
    meansOfAttack: snapshot.meansOfAttack,
    perpetratorCategory: snapshot.perpetratorCategory,
    confidentiality: snapshot.confidentiality,
    owningOrganisation: snapshot.reportingOrganisation,
    personnel: personnelFigures(snapshot.personnel, snapshot.affiliationBreakdown, snapshot.genderBreakdown),
    assets: dedupe(snapshot.assets.map(({ type, un, damage }) => ({ assetType: type, un, destroyed: damage === 'destroyed' }))),
  };
}

/** The first and last day an incident dated `YYYY`, `YYYY-MM` or `YYYY-MM-DD` may have happened. */
export function occurredBetween(occurredOn: string): [string, string] {
  if (occurredOn.length === 10) return [occurredOn, occurredOn];
  if (occurredOn.length === 7) {
    const [year, month] = occurredOn.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return [`${occurredOn}-01`, `${occurredOn}-${String(last).padStart(2, '0')}`];
  }
  return [`${occurredOn}-01-01`, `${occurredOn}-12-31`];
}

/**
 * Folds an incident's counts into one figure per harm, status, affiliation and gender; zero
 * lines are dropped. Counts recorded without an affiliation (or gender) take it from the
 * incident's breakdown when the breakdown names exactly one, as AWSD rows about one
 * organisation type do; otherwise they are `unknown`.
 */
export function personnelFigures(
  personnel: readonly PersonnelHarmCount[],
  affiliations?: AffiliationBreakdown,
  genders?: GenderBreakdown,
): PersonnelFigure[] {
  const onlyAffiliation = soleCategory(affiliations);
  const onlyGender = soleCategory(genders);
  const totals = new Map<string, PersonnelFigure>();
  for (const { harm, status, affiliation, gender, count } of personnel) {
    const figure = {
      harm,
      status,
      affiliation: affiliation ?? onlyAffiliation ?? 'unknown',
      gender: gender ?? onlyGender ?? 'unknown',
      count: 0,
    };
    const key = `${figure.harm}/${figure.status}/${figure.affiliation}/${figure.gender}`;
    const total = totals.get(key) ?? figure;
    total.count += count;
    totals.set(key, total);
  }
  return [...totals.values()].filter((figure) => figure.count > 0);
}

function soleCategory(breakdown?: object): string | undefined {
  const named = Object.entries(breakdown ?? {}).filter(([, count]) => typeof count === 'number' && count > 0);
  return named.length === 1 ? named[0]![0] : undefined;
}

function dedupe(assets: AssetFigure[]): AssetFigure[] {
  return [...new Map(assets.map((asset) => [`${asset.assetType}/${asset.un}/${asset.destroyed}`, asset])).values()];
}
