/**
 * A proportion rounded to a whole per cent, as the Secretary-General's reports give it. A
 * part that is neither none nor all never reads as 0 or 100 per cent: it is "less than 1"
 * or "more than 99".
 */
export interface Share {
  percent: number;
  bound: 'exactly' | 'less_than' | 'more_than';
}

/** `part` of `whole` in per cent; null when the whole is zero and no share can be given. */
export function share(part: number, whole: number): Share | null {
  if (whole <= 0) return null;
  const percent = Math.round((part / whole) * 100);
  if (part > 0 && percent === 0) return { percent: 1, bound: 'less_than' };
  if (part < whole && percent === 100) return { percent: 99, bound: 'more_than' };
  return { percent, bound: 'exactly' };
}

/** How a figure moved from the previous period to this one. */
export type Change =
  | { direction: 'up' | 'down'; previous: number; current: number; by: Share }
  | { direction: 'same'; previous: number; current: number }
  /** Nothing in the previous period, so no percentage can be given. */
  | { direction: 'from_none'; previous: 0; current: number };

export function change(previous: number, current: number): Change {
  if (previous === current) return { direction: 'same', previous, current };
  if (previous === 0) return { direction: 'from_none', previous, current };
  return { direction: current > previous ? 'up' : 'down', previous, current, by: share(Math.abs(current - previous), previous)! };
}
