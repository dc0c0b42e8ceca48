/**
 * Statistical disclosure control of partner figures: a count of 1 to 4 people could point at
 * someone, so it is shown as "<5"; zero and five or more are shown as they are. (Small
 * country–years are folded into "other" before counting, in the query.)
 */
export const SmallCell = '<5';
export const SmallCellLimit = 5;
export const SmallCountryYearIncidents = 3;

export type DisclosedCount = number | typeof SmallCell;

export function disclosePeople(count: number): DisclosedCount {
  return count > 0 && count < SmallCellLimit ? SmallCell : count;
}
