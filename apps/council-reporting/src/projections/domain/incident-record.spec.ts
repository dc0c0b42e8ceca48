import { occurredBetween, personnelFigures } from './incident-record.js';

describe('personnelFigures', () => {
  it('sums lines of the same harm, status, affiliation and gender, dropping zeros', () => {
    const sut = personnelFigures([
      { harm: 'killed', status: 'national', affiliation: 'un', gender: 'male', count: 2 },
      { harm: 'killed', status: 'national', affiliation: 'un', gender: 'male', count: 3 },
      { harm: 'killed', status: 'international', count: 1 },
      { harm: 'wounded', status: 'national', count: 0 },
    ]);
    expect(sut).toEqual([
      { harm: 'killed', status: 'national', affiliation: 'un', gender: 'male', count: 5 },
      { harm: 'killed', status: 'international', affiliation: 'unknown', gender: 'unknown', count: 1 },
    ]);
  });

  it.each([
    { affiliations: { national_ngo: 3 }, genders: { male: 3 }, affiliation: 'national_ngo', gender: 'male' },
    { affiliations: { national_ngo: 2, un: 1 }, genders: { male: 2, female: 1 }, affiliation: 'unknown', gender: 'unknown' },
    { affiliations: { national_ngo: 3, un: 0 }, genders: undefined, affiliation: 'national_ngo', gender: 'unknown' },
  ])('takes an affiliation from a breakdown only when it names one: $affiliations', ({ affiliations, genders, affiliation, gender }) => {
    const sut = personnelFigures([{ harm: 'killed', status: 'national', count: 3 }], affiliations, genders);
    expect(sut).toEqual([{ harm: 'killed', status: 'national', affiliation, gender, count: 3 }]);
  });

  it('keeps the affiliation a count was recorded with over the breakdown', () => {
    const sut = personnelFigures([{ harm: 'killed', status: 'national', affiliation: 'icrc', count: 1 }], { un: 1 });
    expect(sut[0]!.affiliation).toBe('icrc');
  });
});

describe('occurredBetween', () => {
  it.each([
    { occurredOn: '2024-02-14', from: '2024-02-14', to: '2024-02-14' },
    { occurredOn: '2024-02', from: '2024-02-01', to: '2024-02-29' },
    { occurredOn: '2023-02', from: '2023-02-01', to: '2023-02-28' },
    { occurredOn: '2023-12', from: '2023-12-01', to: '2023-12-31' },
    { occurredOn: '1997', from: '1997-01-01', to: '1997-12-31' },
  ])('reads $occurredOn as $from to $to', ({ occurredOn, from, to }) => {
    expect(occurredBetween(occurredOn)).toEqual([from, to]);
  });
});
