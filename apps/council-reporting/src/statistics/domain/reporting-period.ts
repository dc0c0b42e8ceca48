import { isCalendarDate, MalformedInputError } from '#domain';

export const PeriodKinds = ['year', 'half', 'year_and_half', 'range'] as const;
export type PeriodKind = (typeof PeriodKinds)[number];

/** A closed range of calendar days, with the label people read. */
export interface ReportingPeriod {
  kind: PeriodKind;
  /** `2023`, `2024H1`, `2023+H1`, or `2023-03-01/2023-05-31`. */
  label: string;
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, `YYYY-MM-DD`, inclusive. */
  to: string;
}

/** Why a period was refused, in words a person can act on (HTTP 400, naming the field). */
export class InvalidPeriodError extends MalformedInputError {
  constructor(field: string, problem: string) {
    super(problem, [{ field, problems: [problem] }]);
  }
}

const YearPattern = /^(\d{4})$/;
const HalfPattern = /^(\d{4})H([12])$/;
// The Secretary-General's annual reports on the safety and security of humanitarian personnel
// cover a year and the first half of the next.
const YearAndHalfPattern = /^(\d{4})\+H1$/;

/**
 * Reads `2023`, `2024H1`, `2024H2` or `2023+H1` (the year 2023 and the first half of 2024).
 * Years before 1990 or after 2100 are refused, as everywhere in the API.
 */
export function parsePeriod(text: string): ReportingPeriod {
  const year = (value: string) => {
    const number = Number(value);
    if (number < 1990 || number > 2100) throw new InvalidPeriodError('period', `Year ${value} is outside 1990–2100`);
    return number;
  };
  let match = YearPattern.exec(text);
  if (match) {
    const y = year(match[1]!);
    return { kind: 'year', label: text, from: `${y}-01-01`, to: `${y}-12-31` };
  }
  match = HalfPattern.exec(text);
  if (match) {
    const y = year(match[1]!);
    const first = match[2] === '1';
    return { kind: 'half', label: text, from: first ? `${y}-01-01` : `${y}-07-01`, to: first ? `${y}-06-30` : `${y}-12-31` };
  }
  match = YearAndHalfPattern.exec(text);
  if (match) {
    const y = year(match[1]!);
    year(String(y + 1));
    return { kind: 'year_and_half', label: text, from: `${y}-01-01`, to: `${y + 1}-06-30` };
  }
  throw new InvalidPeriodError(
    'period',
    `Period "${text}" is not a year (2023), a half year (2024H1, 2024H2) or a year and the next first half (2023+H1)`,
  );
}

/** A period given as two days; `from` must not be after `to`. */
export function rangePeriod(from: string, to: string): ReportingPeriod {
  for (const [name, day] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isCalendarDate(day)) throw new InvalidPeriodError(name, `${name} must be a real day written YYYY-MM-DD`);
  if (from > to) throw new InvalidPeriodError('to', `from (${from}) is after to (${to})`);
  return { kind: 'range', label: `${from}/${to}`, from, to };
}

/** The period of the same length just before, for "the change from the previous period". */
export function previousPeriod(period: ReportingPeriod): ReportingPeriod {
  const year = Number(period.label.slice(0, 4));
  switch (period.kind) {
    case 'year':
      return parsePeriod(String(year - 1));
    case 'half':
      return parsePeriod(period.label.endsWith('H1') ? `${year - 1}H2` : `${year}H1`);
    case 'year_and_half':
      // The eighteen months just before, which no label of its own names.
      return rangePeriod(`${year - 2}-07-01`, `${year - 1}-12-31`);
    case 'range': {
      const days = daysBetween(period.from, period.to) + 1;
      return rangePeriod(addDays(period.from, -days), addDays(period.from, -1));
    }
  }
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The period a request names: `period`, or `from` and `to`; else its `year` (which also
 * narrows any period, as a dimension); none means all time. Two periods at once are refused
 * rather than guessed between.
 */
export function requestedPeriod(request: { period?: string; from?: string; to?: string; year?: number }): ReportingPeriod | undefined {
  const hasRange = request.from !== undefined || request.to !== undefined;
  if (request.period !== undefined && hasRange) throw new InvalidPeriodError('period', 'Give the period one way: period, or from and to');
  if (request.period !== undefined) return parsePeriod(request.period);
  if (hasRange) {
    if (request.from === undefined || request.to === undefined)
      throw new InvalidPeriodError(request.from ? 'to' : 'from', 'Give both from and to');
    return rangePeriod(request.from, request.to);
  }
  if (request.year !== undefined) return parsePeriod(String(request.year));
  return undefined;
}
