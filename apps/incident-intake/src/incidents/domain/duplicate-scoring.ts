import { HarmTypes, type DatePrecision, type HarmType, type MeansOfAttack, type PersonnelHarmCount } from '#contracts';
import { IncidentDate } from './incident-date.js';

/** What two incidents are compared on; the rest of their details does not make them the same attack. */
export interface DuplicateFacts {
  /** As stored: 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY'. */
  occurredOn: string;
  occurredOnPrecision: DatePrecision;
  countryCode: string;
  adminLevel1?: string;
  adminLevel2?: string;
  meansOfAttack: MeansOfAttack;
  personnel: PersonnelHarmCount[];
}

export interface DuplicateReason {
  criterion: 'date' | 'place' | 'means_of_attack' | 'harm';
  points: number;
  explanation: string;
}

export interface DuplicateScore {
  /** In [0, 1], rounded to 2 decimals: the sum of the reasons' points. */
  score: number;
  /** One per criterion, those worth 0 points included, so an officer sees why a pair scored low. */
  reasons: DuplicateReason[];
}

/**
 * Weights of the criteria; they add up to 1. Date and harm weigh most: two organisations
 * rarely agree on the admin area or on how an attack was carried out, but a date and a
 * count of people killed or kidnapped are what they report most consistently.
 */
const Weights = { date: 0.35, place: 0.25, means_of_attack: 0.15, harm: 0.25 } as const;

/** Dates further apart than this score no date points; candidates are searched within it. */
export const DUPLICATE_DATE_WINDOW_DAYS = 7;

/** A coarse date only says the attack fell somewhere in its month or year, so an overlap proves less. */
const OverlapShare: Record<DatePrecision, number> = { day: 1, month: 0.6, year: 0.25 };

const PlaceShare = { country: 0.4, adminLevel1: 0.75, adminLevel2: 1 } as const;

const DAY_MS = 86_400_000;

/**
 * Scores how likely two incidents are the same attack reported twice. It only explains:
 * deciding that they are, and rejecting one as a duplicate, stays with an officer.
 */
export function scoreDuplicate(subject: DuplicateFacts, candidate: DuplicateFacts): DuplicateScore {
  const reasons = [
    dateReason(subject, candidate),
    placeReason(subject, candidate),
    meansReason(subject, candidate),
    harmReason(subject, candidate),
  ];
  return { score: round(reasons.reduce((total, reason) => total + reason.points, 0)), reasons };
}

/** First and last day ('YYYY-MM-DD') a stored date can denote: '2026-03' is 1 to 31 March. */
export function possibleDays(occurredOn: string): { first: string; last: string } {
  const [first, last] = dayNumbers(occurredOn);
  return { first: isoDay(first), last: isoDay(last) };
}

function dateReason(subject: DuplicateFacts, candidate: DuplicateFacts): DuplicateReason {
  const [subjectFirst, subjectLast] = dayNumbers(subject.occurredOn);
  const [candidateFirst, candidateLast] = dayNumbers(candidate.occurredOn);
  const distance = Math.max(0, candidateFirst - subjectLast, subjectFirst - candidateLast);
  const precision = coarser(subject.occurredOnPrecision, candidate.occurredOnPrecision);
  const closeness = Math.max(0, 1 - distance / DUPLICATE_DATE_WINDOW_DAYS);
  const atPrecision = precision === 'day' ? '' : ` at ${precision} precision`;
  const explanation =
    distance === 0
      ? precision === 'day'
        ? 'same day'
        : `dates overlap${atPrecision}`
      : `${distance} ${distance === 1 ? 'day' : 'days'} apart${atPrecision}`;
  return { criterion: 'date', points: round(Weights.date * OverlapShare[precision] * closeness), explanation };
}

function placeReason(subject: DuplicateFacts, candidate: DuplicateFacts): DuplicateReason {
  const reason = (share: number, explanation: string): DuplicateReason => ({
    criterion: 'place',
    points: round(Weights.place * share),
    explanation,
  });
  if (subject.countryCode !== candidate.countryCode) {
    return reason(0, `different countries (${subject.countryCode} vs ${candidate.countryCode})`);
  }
  const country = `same country (${subject.countryCode})`;
  const level1 = compareArea(subject.adminLevel1, candidate.adminLevel1);
  if (level1 === 'unknown') return reason(PlaceShare.country, `${country}; admin level 1 unknown`);
  if (level1 === 'different') {
    return reason(
      PlaceShare.country,
      `${country}; different admin level 1 (${subject.adminLevel1!.trim()} vs ${candidate.adminLevel1!.trim()})`,
    );
  }
  const sameLevel1 = `${country}, same admin level 1 (${subject.adminLevel1!.trim()})`;
  const level2 = compareArea(subject.adminLevel2, candidate.adminLevel2);
  if (level2 === 'unknown') return reason(PlaceShare.adminLevel1, `${sameLevel1}; admin level 2 unknown`);
  if (level2 === 'different') {
    return reason(
      PlaceShare.adminLevel1,
      `${sameLevel1}; different admin level 2 (${subject.adminLevel2!.trim()} vs ${candidate.adminLevel2!.trim()})`,
    );
  }
  return reason(PlaceShare.adminLevel2, `${sameLevel1} and admin level 2 (${subject.adminLevel2!.trim()})`);
}

function meansReason(subject: DuplicateFacts, candidate: DuplicateFacts): DuplicateReason {
  const reason = (points: number, explanation: string): DuplicateReason => ({ criterion: 'means_of_attack', points, explanation });
  if (subject.meansOfAttack === 'unknown' || candidate.meansOfAttack === 'unknown') return reason(0, 'means of attack unknown');
  if (subject.meansOfAttack !== candidate.meansOfAttack) return reason(0, `${subject.meansOfAttack} vs ${candidate.meansOfAttack}`);
  return reason(Weights.means_of_attack, `both ${subject.meansOfAttack}`);
}

/** Overlap of the counts per harm (national and international together): sum of minima over sum of maxima. */
function harmReason(subject: DuplicateFacts, candidate: DuplicateFacts): DuplicateReason {
  const pairs = HarmTypes.map((harm) => ({ harm, a: totalOf(subject.personnel, harm), b: totalOf(candidate.personnel, harm) })).filter(
    ({ a, b }) => a > 0 || b > 0,
  );
  const reason = (points: number, explanation: string): DuplicateReason => ({ criterion: 'harm', points, explanation });
  if (pairs.length === 0) return reason(0, 'no harm to personnel reported on either side');
  const shared = pairs.reduce((total, { a, b }) => total + Math.min(a, b), 0);
  const either = pairs.reduce((total, { a, b }) => total + Math.max(a, b), 0);
  const describe = (list: typeof pairs) => list.map(({ harm, a, b }) => `${harm} ${a} vs ${b}`).join(', ');
  const overlapping = pairs.filter(({ a, b }) => a > 0 && b > 0);
  const apart = pairs.filter(({ a, b }) => a === 0 || b === 0);
  const explanation = [
    overlapping.length ? describe(overlapping) : 'no harm in common',
    ...(apart.length ? [`only one side: ${describe(apart)}`] : []),
  ].join('; ');
  return reason(round((Weights.harm * shared) / either), explanation);
}

function totalOf(personnel: readonly PersonnelHarmCount[], harm: HarmType): number {
  return personnel.filter((count) => count.harm === harm).reduce((total, count) => total + count.count, 0);
}

/** Admin area names are typed by hand: compared trimmed and case-insensitively. */
function compareArea(a: string | undefined, b: string | undefined): 'same' | 'different' | 'unknown' {
  const normalise = (name: string | undefined) => name?.trim().toLowerCase() || undefined;
  const [left, right] = [normalise(a), normalise(b)];
  if (left === undefined || right === undefined) return 'unknown';
  return left === right ? 'same' : 'different';
}

function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
  return OverlapShare[a] <= OverlapShare[b] ? a : b;
}

/** First and last possible day as days since 1970-01-01 (UTC). */
function dayNumbers(occurredOn: string): [number, number] {
  const date = IncidentDate.fromWritten(occurredOn);
  const first = Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1);
  const last = date.day !== undefined ? first : date.month !== undefined ? Date.UTC(date.year, date.month, 0) : Date.UTC(date.year, 11, 31);
  return [first / DAY_MS, last / DAY_MS];
}

function isoDay(dayNumber: number): string {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
