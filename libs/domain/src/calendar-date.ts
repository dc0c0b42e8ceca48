/** A real date written strictly as YYYY-MM-DD ('2026-02-30' and '2026-2-1' are not). */
export function isCalendarDate(value: string): boolean {
  // Year 0 does not exist (PostgreSQL refuses it), though JavaScript's calendar has one.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || value.startsWith('0000')) return false;
  const parsed = Date.parse(value);
  // The round trip catches days that roll over into the next month.
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
}
