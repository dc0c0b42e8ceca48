import { InvestigationStandards, type AssessmentCriterion, type InvestigationStandard, type StandardRating } from '#contracts';
import { deriveIndicators, type AssessmentFacts, type IndicatorInput, type StandardAssessment } from './indicators.js';
import type { DueDate } from './reporting-calendar.js';

// A request of 2025-01-01 answered on time: acknowledged, first report received, second report due 2025-09-28.
const acknowledged: DueDate = {
  id: 'ack',
  kind: 'acknowledgement',
  sequence: 1,
  anchorOn: '2025-01-01',
  dueOn: '2025-01-31',
  fulfilledOn: '2025-01-20',
  daysLate: 0,
};
const firstReport: DueDate = {
  id: 'first',
  kind: 'progress_report',
  sequence: 1,
  anchorOn: '2025-01-01',
  dueOn: '2025-04-01',
  fulfilledOn: '2025-04-01',
  daysLate: 0,
};
const secondReportDue: DueDate = { id: 'second', kind: 'progress_report', sequence: 2, anchorOn: '2025-04-01', dueOn: '2025-09-28' };

function rating(standard: InvestigationStandard, value: StandardRating, unsatisfied: AssessmentCriterion[] = []): StandardAssessment {
  return { standard, rating: value, criteria: unsatisfied.map((criterion) => ({ criterion, satisfied: false })), evidenceItemIds: [] };
}

/** Every standard met, except those overridden. */
function assessment(
  overrides: StandardAssessment[] = [],
  judicialSystem: AssessmentFacts['judicialSystem'] = 'functioning',
): AssessmentFacts {
  const ratings = InvestigationStandards.map(
    (standard) => overrides.find((override) => override.standard === standard) ?? rating(standard, 'met'),
  );
  return { assessedOn: '2025-05-01', ratings, judicialSystem };
}

function caseOn(overrides: Partial<IndicatorInput> = {}): IndicatorInput {
  return {
    today: '2025-06-01',
    delayThresholdDays: 30,
    requestedOn: '2025-01-01',
    dueDates: [acknowledged, firstReport, secondReportDue],
    latestAssessment: assessment(),
    latestProgressReport: { receivedOn: '2025-04-01', investigationStatus: 'active', suspectsIdentified: 2 },
    ...overrides,
  };
}

describe('deriveIndicators', () => {
  it.each<[string, IndicatorInput, string[]]>([
    ['a clean case', caseOn(), []],
    [
      'a case with nothing received or assessed yet',
      caseOn({ dueDates: [], latestAssessment: undefined, latestProgressReport: undefined }),
      [],
    ],

    ['a due date exactly the threshold overdue', caseOn({ today: '2025-10-28' }), []],
    ['a due date one day more than the threshold overdue', caseOn({ today: '2025-10-29' }), ['unjustified_delay']],
    [
      'an acknowledgement long overdue and no report at all',
      caseOn({
        today: '2025-03-15',
        dueDates: [
          { ...acknowledged, fulfilledOn: undefined, daysLate: undefined },
          { ...firstReport, fulfilledOn: undefined, daysLate: undefined },
        ],
        latestProgressReport: undefined,
      }),
      ['unjustified_delay'],
    ],
    [
      'a cancelled due date, however old',
      caseOn({ today: '2026-06-01', dueDates: [{ ...secondReportDue, cancelledOn: '2025-05-01' }] }),
      [],
    ],
    [
      'a report received exactly the threshold late',
      caseOn({ dueDates: [{ ...firstReport, fulfilledOn: '2025-05-01', daysLate: 30 }] }),
      [],
    ],
    [
      'a report received one day more than the threshold late',
      caseOn({ dueDates: [{ ...firstReport, fulfilledOn: '2025-05-02', daysLate: 31 }] }),
      ['unjustified_delay'],
    ],
    ['the prompt standard not met', caseOn({ latestAssessment: assessment([rating('prompt', 'not_met')]) }), ['unjustified_delay']],
    ['the prompt standard partly met', caseOn({ latestAssessment: assessment([rating('prompt', 'partly_met')]) }), []],
    ['the prompt standard not assessable', caseOn({ latestAssessment: assessment([rating('prompt', 'cannot_assess')]) }), []],
    [
      'an investigation not started one day more than twice the threshold after the request',
      caseOn({
        today: '2025-03-03',
        latestProgressReport: { receivedOn: '2025-02-20', investigationStatus: 'not_started', suspectsIdentified: 0 },
      }),
      ['unjustified_delay'],
    ],
    [
      'an investigation not started exactly twice the threshold after the request',
      caseOn({
        today: '2025-03-02',
        latestProgressReport: { receivedOn: '2025-02-20', investigationStatus: 'not_started', suspectsIdentified: 0 },
      }),
      [],
    ],

    [
      'an investigation closed without charges although suspects were identified',
      caseOn({ latestProgressReport: { receivedOn: '2025-04-01', investigationStatus: 'closed_without_charges', suspectsIdentified: 2 } }),
      ['shielding'],
    ],
    [
      'an investigation closed without charges and no suspect identified',
      caseOn({ latestProgressReport: { receivedOn: '2025-04-01', investigationStatus: 'closed_without_charges', suspectsIdentified: 0 } }),
      [],
    ],
    [
      'neither a full nor an effective investigation',
      caseOn({ latestAssessment: assessment([rating('full', 'not_met'), rating('effective', 'not_met')]) }),
      ['shielding'],
    ],
    ['a full investigation that is not effective', caseOn({ latestAssessment: assessment([rating('effective', 'not_met')]) }), []],
    [
      'neither full nor effective as far as can be assessed',
      caseOn({ latestAssessment: assessment([rating('full', 'cannot_assess'), rating('effective', 'not_met')]) }),
      [],
    ],

    [
      'the independent standard not met',
      caseOn({ latestAssessment: assessment([rating('independent', 'not_met')]) }),
      ['lack_of_independence_or_impartiality'],
    ],
    [
      'the impartial standard not met',
      caseOn({ latestAssessment: assessment([rating('impartial', 'not_met')]) }),
      ['lack_of_independence_or_impartiality'],
    ],
    [
      'investigators found not independent under a standard partly met',
      caseOn({ latestAssessment: assessment([rating('full', 'partly_met', ['investigators_independent'])]) }),
      ['lack_of_independence_or_impartiality'],
    ],
    [
      'conflicts of interest found not examined',
      caseOn({ latestAssessment: assessment([rating('impartial', 'met', ['conflicts_of_interest_examined'])]) }),
      ['lack_of_independence_or_impartiality'],
    ],
    ['independence not assessable', caseOn({ latestAssessment: assessment([rating('independent', 'cannot_assess')]) }), []],
    [
      'a criterion noted under a standard not assessable',
      caseOn({ latestAssessment: assessment([rating('independent', 'cannot_assess', ['investigators_independent'])]) }),
      [],
    ],
    [
      'another criterion not satisfied',
      caseOn({ latestAssessment: assessment([rating('transparent', 'partly_met', ['results_made_public'])]) }),
      [],
    ],

    [
      'a substantially collapsed judicial system',
      caseOn({ latestAssessment: assessment([], 'substantially_collapsed') }),
      ['judicial_collapse'],
    ],
    ['an unavailable judicial system', caseOn({ latestAssessment: assessment([], 'unavailable') }), ['judicial_collapse']],
    [
      'no power to compel in a functioning judicial system',
      caseOn({ latestAssessment: assessment([rating('effective', 'partly_met', ['power_to_compel'])]) }),
      [],
    ],

    [
      'every indicator at once',
      caseOn({
        today: '2025-10-29',
        latestAssessment: assessment(
          [rating('full', 'not_met'), rating('effective', 'not_met'), rating('independent', 'not_met')],
          'substantially_collapsed',
        ),
      }),
      ['shielding', 'unjustified_delay', 'lack_of_independence_or_impartiality', 'judicial_collapse'],
    ],
  ])('for %s recommends %j', (_case, input, kinds) => {
    const sut = deriveIndicators;

    expect(sut(input).map((indicator) => indicator.kind)).toEqual(kinds);
  });

  it('states the facts of a delay with dates and counts, each once', () => {
    const sut = deriveIndicators;

    const indicators = sut(
      caseOn({
        today: '2026-01-01',
        dueDates: [acknowledged, { ...firstReport, fulfilledOn: '2025-05-12', daysLate: 41 }, secondReportDue],
        latestAssessment: assessment([rating('prompt', 'not_met')]),
      }),
    );

    expect(indicators).toEqual([
      {
        kind: 'unjustified_delay',
        legalBasis: 'Rome Statute art. 17(2)(b)',
        facts: [
          'progress report 2 due 2025-09-28 is 95 days overdue',
          'progress report 1 due 2025-04-01 was received 2025-05-12, 41 days late',
          'the assessment of 2025-05-01 rated the prompt standard not met',
        ],
      },
    ]);
  });

  it('adds the missing power to compel to the facts of a collapsed judicial system', () => {
    const sut = deriveIndicators;

    const [indicator] = sut(
      caseOn({ latestAssessment: assessment([rating('effective', 'partly_met', ['power_to_compel'])], 'unavailable') }),
    );

    expect(indicator).toEqual({
      kind: 'judicial_collapse',
      legalBasis: 'Rome Statute art. 17(3)',
      facts: [
        'the assessment of 2025-05-01 found the national judicial system unavailable',
        'the assessment of 2025-05-01 found no power to compel the appearance of witnesses or the production of evidence',
      ],
    });
  });
});
