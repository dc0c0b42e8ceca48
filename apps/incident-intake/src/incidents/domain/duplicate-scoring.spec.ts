import { possibleDays, scoreDuplicate, type DuplicateFacts, type DuplicateReason } from './duplicate-scoring.js';

function facts(overrides: Partial<DuplicateFacts> = {}): DuplicateFacts {
  return {
    occurredOn: '2025-03-14',
    occurredOnPrecision: 'day',
    countryCode: 'SD',
    adminLevel1: 'North Darfur',
    adminLevel2: 'El Fasher',
    meansOfAttack: 'shooting',
    personnel: [
      { harm: 'killed', status: 'national', count: 2 },
      { harm: 'wounded', status: 'international', count: 1 },
      { harm: 'kidnapped', status: 'national', count: 3 },
    ],
    ...overrides,
  };
}

const full = {
  date: { criterion: 'date', points: 0.35, explanation: 'same day' },
  place: {
    criterion: 'place',
    points: 0.25,
    explanation: 'same country (SD), same admin level 1 (North Darfur) and admin level 2 (El Fasher)',
  },
  means: { criterion: 'means_of_attack', points: 0.15, explanation: 'both shooting' },
  harm: { criterion: 'harm', points: 0.25, explanation: 'killed 2 vs 2, wounded 1 vs 1, kidnapped 3 vs 3' },
} satisfies Record<string, DuplicateReason>;

describe('scoreDuplicate', () => {
  it.each<[string, Partial<DuplicateFacts>, Partial<DuplicateFacts>, number, DuplicateReason[]]>([
    ['identical facts', {}, {}, 1, [full.date, full.place, full.means, full.harm]],
    [
      'the same day in another country',
      {},
      { countryCode: 'SS' },
      0.75,
      [full.date, { criterion: 'place', points: 0, explanation: 'different countries (SD vs SS)' }, full.means, full.harm],
    ],
    [
      'a month-precise date against a day in that month',
      { occurredOn: '2025-03', occurredOnPrecision: 'month' },
      {},
      0.86,
      [{ criterion: 'date', points: 0.21, explanation: 'dates overlap at month precision' }, full.place, full.means, full.harm],
    ],
    [
      'a year-precise date against a day in that year',
      {},
      { occurredOn: '2025', occurredOnPrecision: 'year' },
      0.74,
      [{ criterion: 'date', points: 0.09, explanation: 'dates overlap at year precision' }, full.place, full.means, full.harm],
    ],
    [
      'dates 3 days apart',
      {},
      { occurredOn: '2025-03-17' },
      0.85,
      [{ criterion: 'date', points: 0.2, explanation: '3 days apart' }, full.place, full.means, full.harm],
    ],
    [
      'a month-precise date 2 days after the end of its month',
      { occurredOn: '2025-02', occurredOnPrecision: 'month' },
      { occurredOn: '2025-03-02' },
      0.8,
      [{ criterion: 'date', points: 0.15, explanation: '2 days apart at month precision' }, full.place, full.means, full.harm],
    ],
    [
      'dates a week apart',
      {},
      { occurredOn: '2025-03-21' },
      0.65,
      [{ criterion: 'date', points: 0, explanation: '7 days apart' }, full.place, full.means, full.harm],
    ],
    [
      'different means of attack',
      {},
      { meansOfAttack: 'shelling' },
      0.85,
      [full.date, full.place, { criterion: 'means_of_attack', points: 0, explanation: 'shooting vs shelling' }, full.harm],
    ],
    [
      'an unknown means of attack',
      { meansOfAttack: 'unknown' },
      { meansOfAttack: 'unknown' },
      0.85,
      [full.date, full.place, { criterion: 'means_of_attack', points: 0, explanation: 'means of attack unknown' }, full.harm],
    ],
    [
      'partly overlapping harm, national and international counted together',
      {},
      {
        personnel: [
          { harm: 'killed', status: 'national', count: 1 },
          { harm: 'killed', status: 'international', count: 1 },
          { harm: 'kidnapped', status: 'national', count: 1 },
        ],
      },
      0.88,
      [
        full.date,
        full.place,
        full.means,
        { criterion: 'harm', points: 0.13, explanation: 'killed 2 vs 2, kidnapped 3 vs 1; only one side: wounded 1 vs 0' },
      ],
    ],
    [
      'no harm in common',
      { personnel: [{ harm: 'detained', status: 'national', count: 4 }] },
      { personnel: [{ harm: 'missing', status: 'national', count: 4 }] },
      0.75,
      [
        full.date,
        full.place,
        full.means,
        { criterion: 'harm', points: 0, explanation: 'no harm in common; only one side: detained 4 vs 0, missing 0 vs 4' },
      ],
    ],
    [
      'no harm at all on either side',
      { personnel: [] },
      { personnel: [{ harm: 'killed', status: 'national', count: 0 }] },
      0.75,
      [full.date, full.place, full.means, { criterion: 'harm', points: 0, explanation: 'no harm to personnel reported on either side' }],
    ],
    [
      'admin areas written differently but naming the same places',
      {},
      { adminLevel1: '  north darfur ', adminLevel2: 'EL FASHER' },
      1,
      [full.date, full.place, full.means, full.harm],
    ],
    [
      'the same admin level 1 and another admin level 2',
      {},
      { adminLevel2: 'Kutum' },
      0.94,
      [
        full.date,
        {
          criterion: 'place',
          points: 0.19,
          explanation: 'same country (SD), same admin level 1 (North Darfur); different admin level 2 (El Fasher vs Kutum)',
        },
        full.means,
        full.harm,
      ],
    ],
    [
      'the same admin level 1 with admin level 2 unknown',
      { adminLevel2: undefined },
      {},
      0.94,
      [
        full.date,
        { criterion: 'place', points: 0.19, explanation: 'same country (SD), same admin level 1 (North Darfur); admin level 2 unknown' },
        full.means,
        full.harm,
      ],
    ],
    [
      'another admin level 1',
      {},
      { adminLevel1: 'South Darfur' },
      0.85,
      [
        full.date,
        { criterion: 'place', points: 0.1, explanation: 'same country (SD); different admin level 1 (North Darfur vs South Darfur)' },
        full.means,
        full.harm,
      ],
    ],
    [
      'an unknown admin area',
      {},
      { adminLevel1: ' ', adminLevel2: undefined },
      0.85,
      [full.date, { criterion: 'place', points: 0.1, explanation: 'same country (SD); admin level 1 unknown' }, full.means, full.harm],
    ],
  ])('scores %s', (_case, subject, candidate, score, reasons) => {
    const sut = scoreDuplicate(facts(subject), facts(candidate));
    expect(sut.reasons).toEqual(reasons);
    expect(sut.score).toBe(score);
  });

  it('keeps the score the sum of the points shown, within [0, 1]', () => {
    const sut = scoreDuplicate(
      facts({ occurredOn: '2025', occurredOnPrecision: 'year' }),
      facts({ occurredOn: '2025-03', occurredOnPrecision: 'month' }),
    );
    const sum = sut.reasons.reduce((total, reason) => total + reason.points, 0);
    expect(sut.score).toBe(Math.round(sum * 100) / 100);
    expect(sut.score).toBeGreaterThanOrEqual(0);
    expect(sut.score).toBeLessThanOrEqual(1);
  });

  it('is symmetric in its points', () => {
    const [a, b] = [
      facts({ occurredOn: '2025-02', occurredOnPrecision: 'month' }),
      facts({ occurredOn: '2025-03-03', meansOfAttack: 'shelling' }),
    ];
    const sut = scoreDuplicate(a, b);
    expect(sut.score).toBe(scoreDuplicate(b, a).score);
  });
});

describe('possibleDays', () => {
  it.each([
    ['2025-03-14', '2025-03-14', '2025-03-14'],
    ['2025-03', '2025-03-01', '2025-03-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025', '2025-01-01', '2025-12-31'],
  ])('spans %s from %s to %s', (occurredOn, first, last) => {
    const sut = possibleDays(occurredOn);
    expect(sut).toEqual({ first, last });
  });
});
