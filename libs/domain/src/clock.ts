/** Time source of the domain, injected so rules about "now" can be tested. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Injection token of the service's one `Clock`, provided by `ClockModule` of `#http`.
 * A plain symbol, so the domain stays free of Nest.
 */
export const CLOCK = Symbol('Clock');

/**
 * A clock that showed `start` at the real instant `startedAt` (epoch milliseconds) and runs
 * with `real` from there: a test shifts the calendar (next year) while timers, waits and
 * token lifetimes still pass at real speed.
 */
export function offsetClock(start: Date, startedAt: number, real: Clock = systemClock): Clock {
  const offset = start.getTime() - startedAt;
  return { now: () => new Date(real.now().getTime() + offset) };
}

/**
 * The clock of a process: the system clock, or with `start` (CLOCK_START, test mode only)
 * one that showed `start` when the process started. Anchoring at the process start, not at
 * the call, lets every caller in one process (a service, a Jest run) share one shifted time.
 */
export function processClock(start: string | undefined): Clock {
  return start === undefined ? systemClock : offsetClock(new Date(start), performance.timeOrigin);
}
