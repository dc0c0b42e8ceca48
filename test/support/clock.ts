import { processClock, type Clock } from '#domain';

/**
 * The tests' clock, the services' own: CLOCK_START (set by `npm run test:next-year`) shifts
 * both alike. Compute "today" and "this year" from it, never from `new Date()`.
 */
export const testClock: Clock = processClock(process.env.CLOCK_START);

export const testNow = (): Date => testClock.now();

/**
 * The environment that starts a process (service or CLI) on this clock: its clock starts where
 * the tests' clock is now, so dates agree and tokens minted here are not from its future.
 */
export function clockEnv(): Record<string, string> {
  return process.env.CLOCK_START === undefined ? {} : { CLOCK_START: testNow().toISOString() };
}

/** `testNow()` as a JWT NumericDate: the `iat` of tokens the tests sign themselves. */
export const testNowSeconds = (): number => Math.floor(testNow().getTime() / 1000);
