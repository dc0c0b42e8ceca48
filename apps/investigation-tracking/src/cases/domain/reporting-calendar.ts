import type { DueDateKind } from '#contracts';
import { isCalendarDate } from '#domain';

/** A calendar date 'YYYY-MM-DD', UTC. */
export type CalendarDate = string;

export interface ReportingPolicy {
  acknowledgementDays: number;
  firstReportDays: number;
  reportIntervalDays: number;
}

/** Defaults of recommendation 6.1 follow-up: acknowledgement in 30 days, first progress report in 90, then every 180. */
export const DefaultReportingPolicy: ReportingPolicy = { acknowledgementDays: 30, firstReportDays: 90, reportIntervalDays: 180 };

export interface DueDate {
  /** Chosen by the caller (a uuid). */
  id: string;
  kind: DueDateKind;
  /** 1 for the acknowledgement; n for the n-th progress report. */
  sequence: number;
  /** The date its period counts from: the request, or the receipt of the previous report. */
  anchorOn: CalendarDate;
  dueOn: CalendarDate;
  fulfilledOn?: CalendarDate;
  /** Set when fulfilled: max(0, fulfilledOn - dueOn) in days. */
  daysLate?: number;
  /** Set once, when the missed date was announced. */
  overdueNotifiedOn?: CalendarDate;
  cancelledOn?: CalendarDate;
}

const MillisecondsPerDay = 86_400_000;

/** A date-only ISO string parses as UTC midnight, so day arithmetic is exact. */
function toUtcMidnight(date: CalendarDate): number {
  if (!isCalendarDate(date)) throw new Error(`'${date}' is not a calendar date (YYYY-MM-DD)`);
  return Date.parse(date);
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new Error(`cannot add ${days} days: whole days only`);
  return toCalendarDate(new Date(toUtcMidnight(date) + days * MillisecondsPerDay));
}

/** `to - from` in whole days; negative when `to` comes first. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((toUtcMidnight(to) - toUtcMidnight(from)) / MillisecondsPerDay);
}

/** The UTC day of an instant. */
export function toCalendarDate(instant: Date): CalendarDate {
  return instant.toISOString().slice(0, 10);
}

function isOpen(dueDate: DueDate): boolean {
  return dueDate.fulfilledOn === undefined && dueDate.cancelledOn === undefined;
}

function byDueOn(a: DueDate, b: DueDate): number {
  return a.dueOn.localeCompare(b.dueOn) || kindOrder(a) - kindOrder(b) || a.sequence - b.sequence;
}

function kindOrder(dueDate: DueDate): number {
  return dueDate.kind === 'acknowledgement' ? 0 : 1;
}

function fulfil(dueDate: DueDate, receivedOn: CalendarDate): DueDate {
  // A report received on its due date is on time.
  return { ...dueDate, fulfilledOn: receivedOn, daysLate: Math.max(0, daysBetween(dueDate.dueOn, receivedOn)) };
}

function periodOf(dueDate: DueDate, policy: ReportingPolicy): number {
  if (dueDate.kind === 'acknowledgement') return policy.acknowledgementDays;
  return dueDate.sequence === 1 ? policy.firstReportDays : policy.reportIntervalDays;
}

/** The due dates of one concerned State's request; immutable: every change returns a new calendar. */
export class ReportingCalendar {
  private constructor(readonly dueDates: readonly DueDate[]) {}

  static of(dueDates: readonly DueDate[]): ReportingCalendar {
    return new ReportingCalendar(Object.freeze(dueDates.map((dueDate) => Object.freeze({ ...dueDate }))));
  }

  /** Acknowledgement due requestedOn + acknowledgementDays; first progress report requestedOn + firstReportDays. */
  static afterRequest(requestedOn: CalendarDate, policy: ReportingPolicy, newId: () => string): ReportingCalendar {
    return ReportingCalendar.of([
      {
        id: newId(),
        kind: 'acknowledgement',
        sequence: 1,
        anchorOn: requestedOn,
        dueOn: addDays(requestedOn, policy.acknowledgementDays),
      },
      {
        id: newId(),
        kind: 'progress_report',
        sequence: 1,
        anchorOn: requestedOn,
        dueOn: addDays(requestedOn, policy.firstReportDays),
      },
    ]);
  }

  /** Closes the open acknowledgement due date (no-op if none is open). */
  acknowledge(receivedOn: CalendarDate): ReportingCalendar {
    const open = this.earliestOpen('acknowledgement');
    if (!open) return this;
    return this.replace(open, fulfil(open, receivedOn));
  }

  /**
   * A report also answers an open acknowledgement; it closes the earliest open progress due
   * date and schedules the next: anchored on receivedOn, due receivedOn + reportIntervalDays,
   * sequence = highest progress sequence + 1. With no progress due date open (the case was
   * closed and its dates cancelled) nothing is scheduled: `resume` does that on reopening.
   */
  receiveProgressReport(receivedOn: CalendarDate, policy: ReportingPolicy, newId: () => string): ReportingCalendar {
    const acknowledged = this.acknowledge(receivedOn);
    const open = acknowledged.earliestOpen('progress_report');
    if (!open) return acknowledged;
    return acknowledged.replace(open, fulfil(open, receivedOn)).scheduleProgressReport(receivedOn, policy, newId);
  }

  /** Open (not fulfilled, not cancelled) due dates whose dueOn is before `today` and that were not yet announced. */
  missed(today: CalendarDate): DueDate[] {
    return this.overdue(today)
      .map(({ dueDate }) => dueDate)
      .filter((dueDate) => dueDate.overdueNotifiedOn === undefined);
  }

  /** Marks one due date announced as overdue (once); throws Error if the id is unknown. */
  notifyOverdue(id: string, today: CalendarDate): ReportingCalendar {
    const dueDate = this.dueDates.find((candidate) => candidate.id === id);
    if (!dueDate) throw new Error(`no due date ${id} in this reporting calendar`);
    if (dueDate.overdueNotifiedOn !== undefined) return this;
    return this.replace(dueDate, { ...dueDate, overdueNotifiedOn: today });
  }

  /**
   * Recomputes open due dates from their anchors under a new policy (ack: anchor +
   * acknowledgementDays; progress seq 1: anchor + firstReportDays; later: anchor +
   * reportIntervalDays). A due date whose dueOn changes loses its overdueNotifiedOn: a new
   * date may be missed again.
   */
  withPolicy(policy: ReportingPolicy): ReportingCalendar {
    return ReportingCalendar.of(
      this.dueDates.map((dueDate) => {
        if (!isOpen(dueDate)) return dueDate;
        const dueOn = addDays(dueDate.anchorOn, periodOf(dueDate, policy));
        if (dueOn === dueDate.dueOn) return dueDate;
        const { overdueNotifiedOn: _announced, ...rest } = dueDate;
        return { ...rest, dueOn };
      }),
    );
  }

  /** Cancels every open due date (case closed: a closed case emits no overdue events). */
  cancelOpen(on: CalendarDate): ReportingCalendar {
    return ReportingCalendar.of(this.dueDates.map((dueDate) => (isOpen(dueDate) ? { ...dueDate, cancelledOn: on } : dueDate)));
  }

  /** On reopening: if no progress due date is open, schedules one anchored on `on`, due on + reportIntervalDays. */
  resume(on: CalendarDate, policy: ReportingPolicy, newId: () => string): ReportingCalendar {
    if (this.earliestOpen('progress_report')) return this;
    return this.scheduleProgressReport(on, policy, newId);
  }

  /** The earliest open due date, or undefined. */
  next(): DueDate | undefined {
    return this.open()[0];
  }

  /** Open due dates past due on `today`, each with how many days overdue (today - dueOn). */
  overdue(today: CalendarDate): { dueDate: DueDate; daysOverdue: number }[] {
    return this.open()
      .map((dueDate) => ({ dueDate, daysOverdue: daysBetween(dueDate.dueOn, today) }))
      .filter(({ daysOverdue }) => daysOverdue > 0);
  }

  private open(): DueDate[] {
    return this.dueDates.filter(isOpen).sort(byDueOn);
  }

  private earliestOpen(kind: DueDateKind): DueDate | undefined {
    return this.open().find((dueDate) => dueDate.kind === kind);
  }

  private replace(previous: DueDate, next: DueDate): ReportingCalendar {
    return ReportingCalendar.of(this.dueDates.map((dueDate) => (dueDate === previous ? next : dueDate)));
  }

  private scheduleProgressReport(anchorOn: CalendarDate, policy: ReportingPolicy, newId: () => string): ReportingCalendar {
    const sequences = this.dueDates.filter((dueDate) => dueDate.kind === 'progress_report').map((dueDate) => dueDate.sequence);
    return ReportingCalendar.of([
      ...this.dueDates,
      {
        id: newId(),
        kind: 'progress_report',
        sequence: Math.max(0, ...sequences) + 1,
        anchorOn,
        dueOn: addDays(anchorOn, policy.reportIntervalDays),
      },
    ]);
  }
}
