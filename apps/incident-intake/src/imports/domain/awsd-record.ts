import type { AffiliationBreakdown, GenderBreakdown, PersonnelHarmCount } from '#contracts';
import { isCountryCode, type FieldProblem } from '#domain';
import type { Coordinates, IncidentDetails } from '../../incidents/domain/incident-details.js';
import type { DeclaredTotals } from '../../incidents/domain/personnel-counts.js';
import {
  AwsdActorTypes,
  AwsdAttackContexts,
  AwsdLocations,
  AwsdMeansOfAttack,
  AwsdMotives,
  AwsdSources,
  AwsdTerritories,
  AwsdVerification,
  normaliseLabel,
  type AwsdColumn,
  type AwsdLabels,
} from './awsd-vocabulary.js';

/** One row of an AWSD export, keyed by column name; columns the export lacks are absent. */
export type AwsdRecord = Record<string, string>;

/** A mapped record lists the damaged optional values it left out in `dropped`; a refused one, why. */
export type AwsdMapping =
  | { ok: true; externalId: string; details: IncidentDetails; perpetratorName?: string; dropped: FieldProblem[] }
  | { ok: false; externalId?: string; problems: FieldProblem[] };

const totalColumns = {
  national: 'Total nationals',
  international: 'Total internationals',
  killed: 'Total killed',
  wounded: 'Total wounded',
  kidnapped: 'Total kidnapped',
  detained: 'Total detained',
  affected: 'Total affected',
} as const satisfies { [K in keyof DeclaredTotals]: AwsdColumn };

const affiliationColumns = {
  un: 'UN',
  ingo: 'INGO',
  icrc: 'ICRC',
  ifrc_national_society: 'NRCS and IFRC',
  national_ngo: 'NNGO',
  other: 'Other',
} as const satisfies Record<keyof AffiliationBreakdown, AwsdColumn>;

const genderColumns = {
  male: 'Gender Male',
  female: 'Gender Female',
  unknown: 'Gender Unknown',
} as const satisfies Record<keyof GenderBreakdown, AwsdColumn>;

const personnelColumns = (['Nationals', 'Internationals'] as const).flatMap((status) =>
  (['killed', 'wounded', 'kidnapped', 'detained'] as const).map((harm) => `${status} ${harm}` as const),
) satisfies AwsdColumn[];

/**
 * The facts a row is not imported without: its id, date, country and harm counts. A damaged
 * value in any other column (coordinates, places, categories, breakdowns, actor name, text) is
 * left out with a warning and the row is kept, since losing the incident for it loses more.
 */
export const RequiredAwsdColumns: ReadonlySet<AwsdColumn> = new Set<AwsdColumn>([
  ...(['Incident ID', 'Year', 'Month', 'Day', 'Country Code', 'Country'] as const),
  ...personnelColumns,
  ...Object.values(totalColumns),
]);

/** The longest values the API takes (or the column holds); a longer one is damaged. */
const maxLengths = {
  'Incident ID': 64,
  Region: 200,
  District: 200,
  City: 200,
  'Actor name': 300,
  Details: 20000,
  Source: 200,
} as const satisfies Partial<Record<AwsdColumn, number>>;

/**
 * Reads one AWSD record into incident details, reporting every faulty column at once so an
 * officer can fix a row in one go. Whether the counts agree with the totals is left to the
 * domain's count rules, which run on every incident however it arrives.
 */
export function mapAwsdRecord(record: AwsdRecord): AwsdMapping {
  const row = new RecordReader(record);
  const externalId = row.text('Incident ID') === undefined ? row.report('Incident ID', 'is required') : row.freeText('Incident ID');
  const date = occurrence(row);
  const countryCode = country(row);
  const rest: Omit<IncidentDetails, 'occurredOn' | 'occurredOnPrecision' | 'countryCode'> = {
    ...withoutUndefined({
      adminLevel1: row.freeText('Region'),
      adminLevel2: row.freeText('District'),
      locality: row.freeText('City'),
      coordinates: coordinates(row),
    }),
    locationType: row.category('Location', AwsdLocations) ?? 'unknown',
    meansOfAttack: row.category('Means of attack', AwsdMeansOfAttack) ?? 'unknown',
    attackContext: row.category('Attack context', AwsdAttackContexts) ?? 'unknown',
    ...withoutUndefined({ motive: row.category('Motive', AwsdMotives) }),
    personnel: personnel(row),
    ...withoutUndefined({
      affiliationBreakdown: counts(row, affiliationColumns),
      genderBreakdown: counts(row, genderColumns),
      declaredTotals: counts(row, totalColumns),
    }),
    assets: [],
    perpetratorCategory: row.category('Actor type', AwsdActorTypes) ?? 'unknown',
    ...withoutUndefined({ narrative: row.freeText('Details') }),
    sources: sources(row),
    // AWSD is a public dataset.
    confidentiality: 'public',
    ...withoutUndefined({ sourceVerification: row.category('Verified', AwsdVerification) }),
  };
  const perpetratorName = row.freeText('Actor name');

  if (externalId === undefined || date === undefined || countryCode === undefined || row.problems.length > 0) {
    return { ok: false, ...withoutUndefined({ externalId }), problems: row.problems };
  }
  return {
    ok: true,
    externalId,
    details: { ...date, countryCode, ...rest },
    dropped: row.dropped,
    // Restricted data: kept out of the details, which events and statistics draw on.
    ...(perpetratorName !== undefined && normaliseLabel(perpetratorName) !== 'unknown' && { perpetratorName }),
  };
}

/** Reads columns of one record, collecting the problems instead of stopping at the first. */
class RecordReader {
  /** Of required columns: the record is refused. */
  readonly problems: FieldProblem[] = [];
  /** Of optional columns: the value is left out. */
  readonly dropped: FieldProblem[] = [];

  constructor(private readonly record: AwsdRecord) {}

  /** The trimmed value; undefined when blank or when the export lacks the column. */
  text(column: AwsdColumn): string | undefined {
    const value = (this.record[column] ?? '').trim();
    return value === '' ? undefined : value;
  }

  report(column: AwsdColumn, problem: string): undefined {
    (RequiredAwsdColumns.has(column) ? this.problems : this.dropped).push({ field: column, problems: [problem] });
    return undefined;
  }

  /** Text as given, unless PostgreSQL cannot store it (NUL) or it is longer than the API takes. */
  freeText(column: keyof typeof maxLengths): string | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    if (value.includes('\u0000')) return this.report(column, 'contains NUL (\\u0000) characters');
    const max = maxLengths[column];
    return value.length <= max ? value : this.report(column, `is ${value.length} characters long, more than ${max}`);
  }

  category<T>(column: AwsdColumn, labels: AwsdLabels<T>): T | undefined {
    const label = this.text(column);
    if (label === undefined) return undefined;
    return labels.find(label) ?? this.report(column, `'${label}' is not a known value; known: ${labels.known.join(', ')}`);
  }

  count(column: AwsdColumn): number | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    const count = Number(value);
    return /^\d+$/.test(value) && Number.isSafeInteger(count)
      ? count
      : this.report(column, `'${value}' is not a whole number of 0 or more`);
  }

  countFrom1To(column: AwsdColumn, max: number): number | undefined {
    const count = this.count(column);
    if (count === undefined || (count >= 1 && count <= max)) return count;
    return this.report(column, `${count} is not from 1 to ${max}`);
  }

  decimalWithin(column: AwsdColumn, limit: number): number | undefined {
    const value = this.text(column);
    if (value === undefined) return undefined;
    const decimal = Number(value);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value) && Math.abs(decimal) <= limit) return decimal;
    return this.report(column, `'${value}' is not a number from -${limit} to ${limit}`);
  }
}

function occurrence(row: RecordReader): Pick<IncidentDetails, 'occurredOn' | 'occurredOnPrecision'> | undefined {
  const problemsBefore = row.problems.length;
  const year = row.text('Year');
  if (year === undefined) row.report('Year', 'is required');
  else if (!/^\d{4}$/.test(year)) row.report('Year', `'${year}' is not a four-digit year`);
  const month = row.countFrom1To('Month', 12);
  const day = row.countFrom1To('Day', 31);
  if (row.text('Day') !== undefined && row.text('Month') === undefined) row.report('Day', 'is given but Month is blank');
  if (year === undefined || row.problems.length > problemsBefore) return undefined;

  // The domain checks that the day exists and is not in the future.
  if (month === undefined) return { occurredOn: year, occurredOnPrecision: 'year' };
  if (day === undefined) return { occurredOn: `${year}-${pad(month)}`, occurredOnPrecision: 'month' };
  return { occurredOn: `${year}-${pad(month)}-${pad(day)}`, occurredOnPrecision: 'day' };
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

/** The Country Code, or the code of a territory AWSD names without one. */
function country(row: RecordReader): string | undefined {
  const code = row.text('Country Code')?.toUpperCase();
  if (code !== undefined) {
    return isCountryCode(code) ? code : row.report('Country Code', `'${code}' is not an ISO 3166-1 alpha-2 code`);
  }
  const name = row.text('Country');
  if (name === undefined) return row.report('Country Code', 'is required: the row names no country');
  return (
    AwsdTerritories.find(name) ??
    row.report('Country', `'${name}' has no Country Code and is not a territory whose code is known; fill in Country Code`)
  );
}

/** Both coordinates or none: a damaged or lone one leaves both out. */
function coordinates(row: RecordReader): Coordinates | undefined {
  const latitude = row.decimalWithin('Latitude', 90);
  const longitude = row.decimalWithin('Longitude', 180);
  const hasLatitude = row.text('Latitude') !== undefined;
  if (hasLatitude !== (row.text('Longitude') !== undefined)) {
    row.report(hasLatitude ? 'Longitude' : 'Latitude', `is blank but ${hasLatitude ? 'Latitude' : 'Longitude'} is given`);
  }
  // AWSD places incidents at the nearest known place, not where they happened.
  return latitude !== undefined && longitude !== undefined ? { latitude, longitude, precision: 'approximate' } : undefined;
}

function personnel(row: RecordReader): PersonnelHarmCount[] {
  return (['national', 'international'] as const).flatMap((status) =>
    (['killed', 'wounded', 'kidnapped', 'detained'] as const).flatMap((harm) => {
      const count = row.count(`${status === 'national' ? 'Nationals' : 'Internationals'} ${harm}`) ?? 0;
      return count > 0 ? [{ harm, status, count }] : [];
    }),
  );
}

/** The counts of the given columns; a blank column is not declared, a fully blank group is absent. */
function counts<K extends string>(row: RecordReader, columns: Record<K, AwsdColumn>): Partial<Record<K, number>> | undefined {
  const entries = (Object.entries(columns) as [K, AwsdColumn][]).flatMap(([key, column]) => {
    const count = row.count(column);
    return count === undefined ? [] : [[key, count] as const];
  });
  return entries.length > 0 ? (Object.fromEntries(entries) as Partial<Record<K, number>>) : undefined;
}

function sources(row: RecordReader): IncidentDetails['sources'] {
  const source = row.freeText('Source');
  if (source === undefined) return [];
  return [{ name: AwsdSources.find(source) ?? source.replace(/\s+/g, ' '), reliability: 'cannot_be_judged' }];
}

/** Leaves out absent optional fields rather than storing them as undefined. */
function withoutUndefined<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}
