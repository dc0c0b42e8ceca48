import { offsetClock, processClock, systemClock, type Clock } from './clock.js';

/** A real clock the test moves by hand. */
function manualClock(at: string): Clock & { advance(ms: number): void } {
  let now = new Date(at).getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

describe('offsetClock', () => {
  it('shows the start at the real instant it started from, then advances with real time', () => {
    const real = manualClock('2026-11-30T10:00:00Z');
    const sut = offsetClock(new Date('2027-03-01T09:00:00Z'), real.now().getTime(), real);

    expect(sut.now().toISOString()).toBe('2027-03-01T09:00:00.000Z');
    real.advance(90_500);
    expect(sut.now().toISOString()).toBe('2027-03-01T09:01:30.500Z');
  });

  it('keeps the time already elapsed since it started', () => {
    const real = manualClock('2026-11-30T10:00:10Z');
    const sut = offsetClock(new Date('2027-03-01T09:00:00Z'), new Date('2026-11-30T10:00:00Z').getTime(), real);

    expect(sut.now().toISOString()).toBe('2027-03-01T09:00:10.000Z');
  });

  it('can move the calendar backwards too, across a leap day', () => {
    const real = manualClock('2026-11-30T10:00:00Z');
    const sut = offsetClock(new Date('2024-02-29T23:59:59Z'), real.now().getTime(), real);

    real.advance(1000);
    expect(sut.now().toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });
});

describe('processClock', () => {
  it('is the system clock without a start', () => {
    expect(processClock(undefined)).toBe(systemClock);
  });

  it('with a start, showed it when the process started', () => {
    const start = new Date('2027-03-01T09:00:00Z').getTime();
    const sut = processClock('2027-03-01T09:00:00Z');

    const before = Date.now() - performance.timeOrigin;
    const shown = sut.now().getTime() - start;
    const after = Date.now() - performance.timeOrigin;
    // Milliseconds are whole on a Date and fractional in timeOrigin: one either way.
    expect(shown).toBeGreaterThanOrEqual(before - 1);
    expect(shown).toBeLessThanOrEqual(after + 1);
  });
});
