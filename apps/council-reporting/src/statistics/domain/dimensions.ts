/**
 * What figures can be grouped and filtered by. Incident dimensions describe the attack;
 * person dimensions split the people harmed in it; `premises` the premises and assets hit.
 */
export const IncidentDimensions = ['country', 'concernedState', 'region', 'year', 'quarter', 'month', 'perpetrator', 'means'] as const;
export const PersonDimensions = ['harm', 'personnel', 'affiliation', 'gender'] as const;
export const Dimensions = [...IncidentDimensions, ...PersonDimensions, 'premises'] as const;
export type Dimension = (typeof Dimensions)[number];

export function isPersonDimension(dimension: Dimension): boolean {
  return (PersonDimensions as readonly string[]).includes(dimension);
}

/** A group of figures, named by its value on each dimension asked for. */
export type GroupKey = Partial<Record<Dimension, string>>;

/** The value that partner figures fold small country–years into. */
export const OtherCountries = 'other';
