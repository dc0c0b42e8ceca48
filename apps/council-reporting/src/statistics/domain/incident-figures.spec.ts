import { personnelFigures, yearOf } from './incident-figures.js';

describe('personnelFigures', () => {
  it('sums affiliations and genders into one figure per harm and status, dropping zeros', () => {
    const sut = personnelFigures([
      { harm: 'killed', status: 'national', affiliation: 'un', gender: 'male', count: 2 },
      { harm: 'killed', status: 'national', affiliation: 'national_ngo', gender: 'female', count: 3 },
      { harm: 'killed', status: 'international', count: 1 },
      { harm: 'wounded', status: 'national', count: 0 },
    ]);
    expect(sut).toEqual([
      { harm: 'killed', status: 'national', count: 5 },
      { harm: 'killed', status: 'international', count: 1 },
    ]);
  });

  it.each([
    ['2026-03-14', 2026],
    ['2025-07', 2025],
    ['1997', 1997],
  ])('reads the year of %s', (occurredOn, year) => {
    expect(yearOf(occurredOn)).toBe(year);
  });
});
