import { InconsistentInputError } from '#domain';
import { IncidentDate } from './incident-date.js';

const today = new Date('2026-11-29T12:00:00Z');

describe('IncidentDate', () => {
  it.each([
    ['2026-03-14', 'day', '2026-03-14', '2026-03-14'],
    ['2026-03', 'month', '2026-03', '2026-03-01'],
    ['2025', 'year', '2025', '2025-01-01'],
    ['2024-02-29', 'day', '2024-02-29', '2024-02-29'],
    ['2026-11-29', 'day', '2026-11-29', '2026-11-29'],
  ] as const)('accepts %s with precision %s', (value, precision, written, firstDay) => {
    const sut = IncidentDate.parse(value, precision, today);
    expect(sut.toString()).toBe(written);
    expect(sut.firstDay()).toBe(firstDay);
    expect(sut.precision).toBe(precision);
  });

  it.each([
    ['2026-03-14', 'month', 'does not match precision'],
    ['2026', 'day', 'does not match precision'],
    ['2026-13', 'month', 'month must be 01 to 12'],
    ['2023-02-29', 'day', 'no such day'],
    ['2026-04-31', 'day', 'no such day'],
    ['2026-11-30', 'day', 'in the future'],
    ['2026-12', 'month', 'in the future'],
    ['2027', 'year', 'in the future'],
  ] as const)('rejects %s with precision %s (%s)', (value, precision, problem) => {
    const attempt = () => IncidentDate.parse(value, precision, today);
    expect(attempt).toThrow(InconsistentInputError);
    expect(attempt).toThrow(new RegExp(problem));
  });

  it.each([
    ['2026-03', '2026-03-01', 'month'],
    ['2026', '2026-01-01', 'year'],
    ['2026-03-14', '2026-03-14', 'day'],
  ] as const)('reads back the written date %s', (written, firstDay, precision) => {
    const sut = IncidentDate.fromWritten(written);
    expect([sut.firstDay(), sut.precision, sut.toString()]).toEqual([firstDay, precision, written]);
  });
});
