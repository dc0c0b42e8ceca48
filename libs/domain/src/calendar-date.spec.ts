import { isCalendarDate } from './calendar-date.js';

describe('isCalendarDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2025-12-31', true],
    ['2026-02-30', false],
    ['2025-02-29', false],
    ['2025-04-31', false],
    ['2025-13-01', false],
    ['2026-2-1', false],
    ['0000-01-01', false],
    ['0001-01-01', true],
    ['', false],
    ['2025-01-01T00:00:00Z', false],
  ])('isCalendarDate(%j) is %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });
});
