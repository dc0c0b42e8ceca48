import { parsePeriod, rangePeriod } from '../../statistics/domain/reporting-period.js';
import type { PersonnelSplit } from './council-report.js';
import { change } from './proportions.js';
import { EnglishReportText as sut } from './report-text.en.js';

const year2023 = parsePeriod('2023');
const split = (national: number, international: number): PersonnelSplit => ({ national, international, total: national + international });

describe('EnglishReportText', () => {
  describe('killed', () => {
    it.each([
      [
        'the 2023 figures',
        split(272, 8),
        33,
        'In 2023, 280 humanitarian personnel were killed in 33 countries; 272 of them (97 per cent) were national or locally recruited personnel.',
      ],
      [
        'one worker',
        split(1, 0),
        1,
        'In 2023, 1 humanitarian worker was killed in 1 country; this worker was national or locally recruited.',
      ],
      [
        'one international worker',
        split(0, 1),
        1,
        'In 2023, 1 humanitarian worker was killed in 1 country; this worker was internationally recruited.',
      ],
      [
        'thousands, all national',
        split(1234, 0),
        12,
        'In 2023, 1,234 humanitarian personnel were killed in 12 countries; all of them were national or locally recruited personnel.',
      ],
      [
        'all international',
        split(0, 3),
        2,
        'In 2023, 3 humanitarian personnel were killed in 2 countries; all of them were international personnel.',
      ],
      [
        'one national among many',
        split(1, 19),
        4,
        'In 2023, 20 humanitarian personnel were killed in 4 countries; 1 of them (5 per cent) was national or locally recruited.',
      ],
      [
        'a share below one per cent',
        split(1, 999),
        9,
        'In 2023, 1,000 humanitarian personnel were killed in 9 countries; 1 of them (less than 1 per cent) was national or locally recruited.',
      ],
      ['none', split(0, 0), 0, 'In 2023, no humanitarian personnel were recorded as killed.'],
    ])('%s', (_case, killed, countries, expected) => {
      expect(sut.paragraphs.killed(year2023, killed, countries)).toBe(expected);
    });
  });

  it.each([
    ['2023', 'In 2023,'],
    ['2024H1', 'In the first half of 2024,'],
    ['2024H2', 'In the second half of 2024,'],
    ['2023+H1', 'In 2023 and the first half of 2024,'],
  ])('names the period %s', (label, opening) => {
    expect(sut.paragraphs.killed(parsePeriod(label), split(2, 0), 1)).toMatch(new RegExp(`^${opening} `));
  });

  it('names a range of days', () => {
    expect(sut.periodName(rangePeriod('2023-03-01', '2023-05-31'))).toBe('the period from 1 March to 31 May 2023');
    expect(sut.periodName(rangePeriod('2023-11-15', '2024-02-14'))).toBe('the period from 15 November 2023 to 14 February 2024');
  });

  describe('otherHarms', () => {
    const harms = (wounded: number, kidnapped: number, detained: number, missing: number, sexualViolence: number) => [
      { harm: 'wounded' as const, count: wounded },
      { harm: 'kidnapped' as const, count: kidnapped },
      { harm: 'detained' as const, count: detained },
      { harm: 'missing' as const, count: missing },
      { harm: 'sexual_violence' as const, count: sexualViolence },
    ];

    it.each([
      [
        harms(1234, 45, 12, 3, 2),
        'In the same period, 1,234 humanitarian personnel were wounded, 45 were kidnapped, 12 were detained, 3 were reported missing and 2 were subjected to sexual violence.',
      ],
      [harms(1, 0, 1, 0, 0), 'In the same period, 1 humanitarian worker was wounded and 1 was detained.'],
      [harms(0, 0, 0, 0, 1), 'In the same period, 1 humanitarian worker was subjected to sexual violence.'],
      [
        harms(0, 0, 0, 0, 0),
        'In the same period, no humanitarian personnel were recorded as wounded, kidnapped, detained, reported missing or subjected to sexual violence.',
      ],
    ])('%#', (counts, expected) => {
      expect(sut.paragraphs.otherHarms(counts)).toBe(expected);
    });
  });

  describe('change from the previous period', () => {
    it.each([
      [
        [300, 350],
        [900, 1000],
        [250, 280],
        'Compared with 2022, the number of incidents rose from 300 to 350, an increase of 17 per cent; the number of humanitarian personnel affected rose from 900 to 1,000, an increase of 11 per cent; and the number killed rose from 250 to 280, an increase of 12 per cent.',
      ],
      [
        [40, 30],
        [12, 12],
        [3, 0],
        'Compared with 2022, the number of incidents fell from 40 to 30, a decrease of 25 per cent; the number of humanitarian personnel affected remained at 12; and the number killed fell from 3 to 0, a decrease of 100 per cent.',
      ],
      [
        [0, 5],
        [0, 4],
        [0, 0],
        'Compared with 2022, the number of incidents rose from zero to 5; the number of humanitarian personnel affected rose from zero to 4; and the number killed was zero in both periods.',
      ],
    ])('%j incidents, %j affected, %j killed', ([incidents0, incidents1], [affected0, affected1], [killed0, killed1], expected) => {
      const sentence = sut.paragraphs.change(
        parsePeriod('2022'),
        change(incidents0!, incidents1!),
        change(affected0!, affected1!),
        change(killed0!, killed1!),
      );
      expect(sentence).toBe(expected);
    });
  });

  describe('requests to concerned States', () => {
    const opening = 'Under recommendation 6.1,';
    const closing = 'Table 3 gives the figures for each concerned State.';
    it.each([
      [
        12,
        5,
        10,
        10,
        9,
        '12 requests to investigate were addressed to 5 concerned States in 10 cases; 9 of them (75 per cent) had been acknowledged.',
      ],
      [1, 1, 1, 1, 1, '1 request to investigate was addressed to 1 concerned State in 1 case; it had been acknowledged.'],
      [3, 2, 3, 3, 3, '3 requests to investigate were addressed to 2 concerned States in 3 cases; all had been acknowledged.'],
      [
        3,
        2,
        3,
        4,
        0,
        '3 requests to investigate were addressed to 2 concerned States in 3 of the 4 cases followed up; none had been acknowledged.',
      ],
      [
        4,
        2,
        3,
        3,
        1,
        '4 requests to investigate were addressed to 2 concerned States in 3 cases; 1 of them (25 per cent) had been acknowledged.',
      ],
    ])('%i requests, %i States, %i of %i cases, %i acknowledged', (requests, states, casesRequested, cases, acknowledged, expected) => {
      expect(sut.paragraphs.requests(requests, states, casesRequested, cases, acknowledged, 'Table 3')).toBe(
        `${opening} ${expected} ${closing}`,
      );
    });

    it('says when no request was made', () => {
      expect(sut.paragraphs.requests(0, 0, 0, 2, 0, 'Table 3')).toBe(
        `${opening} no request to investigate had been addressed to a concerned State. ${closing}`,
      );
    });
  });

  describe('observations', () => {
    it.each([
      [[], 'No concerned State had a progress report overdue by more than 90 days.'],
      [
        [
          { stateName: 'Sudan', reportsOverdue: 3, maxDaysOverdue: 142 },
          { stateName: 'South Sudan', reportsOverdue: 1, maxDaysOverdue: 98 },
        ],
        'Progress reports were overdue by more than 90 days from 2 concerned States: Sudan (3 reports overdue, the longest by 142 days) and South Sudan (1 report overdue, by 98 days).',
      ],
    ])('names the States whose reports are long overdue: %j', (states, expected) => {
      expect(sut.paragraphs.longOverdue(90, states)).toBe(expected);
    });

    it.each([
      [
        [{ reference: 'CASE-2023-000019', stateName: 'South Sudan' }],
        'In 1 case (CASE-2023-000019, South Sudan), the concerned State was determined to be unable or unwilling genuinely to investigate or prosecute, and no referral to an international mechanism had been made.',
      ],
      [
        [
          { reference: 'CASE-2023-000019', stateName: 'South Sudan' },
          { reference: 'CASE-2023-000020', stateName: 'Mali' },
        ],
        'In 2 cases (CASE-2023-000019, South Sudan; CASE-2023-000020, Mali), the concerned State was determined to be unable or unwilling genuinely to investigate or prosecute, and no referral to an international mechanism had been made.',
      ],
      [
        [],
        'In every case in which the concerned State was determined to be unable or unwilling genuinely to investigate or prosecute, a referral to an international mechanism had been made.',
      ],
    ])('names determinations without referral: %j', (cases, expected) => {
      expect(sut.paragraphs.unreferredDeterminations(cases)).toBe(expected);
    });

    it.each([
      [
        split(900, 100),
        split(272, 8),
        'National and locally recruited personnel accounted for 900 of the 1,000 humanitarian personnel affected in 2023 (90 per cent) and for 272 of the 280 killed (97 per cent).',
      ],
      [
        split(5, 1),
        split(0, 0),
        'National and locally recruited personnel accounted for 5 of the 6 humanitarian personnel affected in 2023 (83 per cent).',
      ],
      [split(0, 0), split(0, 0), 'No humanitarian personnel were recorded as harmed in 2023.'],
    ])('gives the national share: %o', (affected, killed, expected) => {
      expect(sut.paragraphs.nationalShare(year2023, affected, killed)).toBe(expected);
    });
  });

  it.each([
    [0, 'In 2023, no incident affecting humanitarian personnel, premises or assets was recorded.'],
    [
      1,
      'In 2023, 1 incident affecting humanitarian personnel, premises or assets was recorded in 1 country. No humanitarian personnel were harmed in this incident.',
    ],
  ])('overview of %i incidents without harm', (incidents, expected) => {
    expect(sut.paragraphs.overview(year2023, incidents, incidents, split(0, 0))).toBe(expected);
  });

  it.each([
    ['2024-02-15T06:00:00.000Z', '15 February 2024, 06:00 UTC'],
    ['2023-12-31T23:59:59Z', '31 December 2023, 23:59 UTC'],
  ])('writes the instant %s', (instant, expected) => {
    expect(sut.dateTime(instant)).toBe(expected);
  });
});
