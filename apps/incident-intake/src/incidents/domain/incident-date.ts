import { InconsistentInputError } from '#domain';
import type { DatePrecision } from '#contracts';

/** The earliest year an incident may be recorded for; AWSD's records begin in 1997. */
const EarliestYear = 1900;

/**
 * A calendar date whose day or month may be unknown (AWSD leaves them blank). Stored as
 * its first possible day plus the precision, written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
 */
export class IncidentDate {
  private constructor(
    readonly year: number,
    readonly month: number | undefined,
    readonly day: number | undefined,
  ) {}

  static parse(value: string, precision: DatePrecision, today: Date): IncidentDate {
    const pattern = { year: /^(\d{4})$/, month: /^(\d{4})-(\d{2})$/, day: /^(\d{4})-(\d{2})-(\d{2})$/ }[precision];
    const match = pattern.exec(value);
    if (!match) {
      throw new InconsistentInputError(`occurredOn '${value}' does not match precision '${precision}'`, [
        {
          field: 'occurredOn',
          problems: [`with precision '${precision}' write ${{ year: 'YYYY', month: 'YYYY-MM', day: 'YYYY-MM-DD' }[precision]}`],
        },
      ]);
    }
    const [year, month, day] = match.slice(1).map(Number);
    // Year 0 does not exist and JavaScript reads years below 100 as 19xx: no record here is that old.
    if (year < EarliestYear) throw invalid(value, `the year must be ${EarliestYear} or later`);
    if (month !== undefined && (month < 1 || month > 12)) throw invalid(value, 'month must be 01 to 12');
    if (day !== undefined && day > new Date(Date.UTC(year, month, 0)).getUTCDate()) throw invalid(value, 'no such day in that month');
    if (day !== undefined && day < 1) throw invalid(value, 'day must be at least 01');
    const date = new IncidentDate(year, month, day);
    if (date.firstDay() > today.toISOString().slice(0, 10)) throw invalid(value, 'the incident date is in the future');
    return date;
  }

  /** Reads a date written by `toString()`; it was validated when recorded. */
  static fromWritten(written: string): IncidentDate {
    const [year, month, day] = written.split('-').map(Number);
    return new IncidentDate(year, month, day);
  }

  get precision(): DatePrecision {
    return this.day !== undefined ? 'day' : this.month !== undefined ? 'month' : 'year';
  }

  /** The first day it can denote, for sorting and period filters. */
  firstDay(): string {
    return `${this.year}-${pad(this.month ?? 1)}-${pad(this.day ?? 1)}`;
  }

  toString(): string {
    return [String(this.year), this.month && pad(this.month), this.day && pad(this.day)].filter(Boolean).join('-');
  }
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function invalid(value: string, problem: string): InconsistentInputError {
  return new InconsistentInputError(`occurredOn '${value}' is not a possible incident date: ${problem}`, [
    { field: 'occurredOn', problems: [problem] },
  ]);
}
