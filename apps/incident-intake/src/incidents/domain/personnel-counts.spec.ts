import { checkPersonnelFigures, sumOf } from './personnel-counts.js';

const personnel = [
  { harm: 'killed' as const, status: 'national' as const, count: 2 },
  { harm: 'killed' as const, status: 'international' as const, count: 1 },
  { harm: 'detained' as const, status: 'national' as const, count: 3 },
];

describe('checkPersonnelFigures', () => {
  it.each([
    ['killed', 3],
    ['detained', 3],
    ['national', 5],
    ['international', 1],
    ['affected', 6],
    ['wounded', 0],
  ] as const)('accepts a declared %s total of %i', (total, value) => {
    expect(checkPersonnelFigures({ personnel, declaredTotals: { [total]: value } })).toEqual({ problems: [], warnings: [] });
  });

  it.each([
    ['killed', 4, 'is 4 but the personnel counts add up to 3'],
    ['sexualViolence', 1, 'is 1 but the personnel counts add up to 0'],
    ['affected', 5, 'is 5 but the personnel counts add up to 6'],
  ] as const)('refuses a declared %s total of %i', (total, value, problem) => {
    expect(checkPersonnelFigures({ personnel, declaredTotals: { [total]: value } }).problems).toEqual([
      { field: `declaredTotals.${total}`, problems: [problem] },
    ]);
  });

  it('counts the same harm and status apart when affiliation or gender differ', () => {
    const split = [
      { harm: 'killed' as const, status: 'national' as const, affiliation: 'un' as const, count: 1 },
      { harm: 'killed' as const, status: 'national' as const, affiliation: 'ingo' as const, count: 1 },
      { harm: 'killed' as const, status: 'national' as const, affiliation: 'ingo' as const, gender: 'female' as const, count: 1 },
    ];
    expect(checkPersonnelFigures({ personnel: split, declaredTotals: { killed: 3 } }).problems).toEqual([]);
  });

  it('warns, without refusing, when a breakdown disagrees with the people counted', () => {
    expect(checkPersonnelFigures({ personnel, genderBreakdown: { female: 2, male: 3 }, affiliationBreakdown: { un: 6 } })).toEqual({
      problems: [],
      warnings: ['genderBreakdown adds up to 5 people, the harm counts to 6; kept as reported'],
    });
  });

  it('sums counts overall and per harm', () => {
    expect([sumOf(personnel), sumOf(personnel, 'killed'), sumOf(personnel, 'missing')]).toEqual([6, 3, 0]);
  });
});
