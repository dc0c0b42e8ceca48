import { HarmTypes, InvestigationStandards, StandardRatings, type MeansOfAttack, type PerpetratorCategory } from '#contracts';
import type {
  CaseAnnexRow,
  CountryFigures,
  CouncilReportData,
  HarmTable,
  PeriodFigures,
  PersonnelSplit,
  StateAccountability,
} from '../../apps/council-reporting/src/reports/domain/council-report.js';
import { parsePeriod, type ReportingPeriod } from '../../apps/council-reporting/src/statistics/domain/reporting-period.js';

/** National and international counts of one harm. */
type Pair = readonly [national: number, international: number];

export function split(national: number, international: number): PersonnelSplit {
  return { national, international, total: national + international };
}

/** A harm table from national and international pairs in the order of HarmTypes; the pairs left out are zero. */
export function harmTable(pairs: readonly Pair[] = []): HarmTable {
  return Object.fromEntries(HarmTypes.map((harm, index) => [harm, split(...(pairs[index] ?? [0, 0]))])) as HarmTable;
}

function sumSplits(splits: PersonnelSplit[]): PersonnelSplit {
  return split(
    splits.reduce((n, one) => n + one.national, 0),
    splits.reduce((n, one) => n + one.international, 0),
  );
}

export function country(countryCode: string, countryName: string, incidents: number, harms: readonly Pair[]): CountryFigures {
  const byHarm = harmTable(harms);
  return { countryCode, countryName, incidents, byHarm, affected: sumSplits(Object.values(byHarm)) };
}

/** A period's totals, summed from its countries. */
export function periodFigures(period: ReportingPeriod, countries: CountryFigures[]): PeriodFigures {
  const byHarm = Object.fromEntries(HarmTypes.map((harm) => [harm, sumSplits(countries.map((one) => one.byHarm[harm]))])) as HarmTable;
  return {
    period,
    incidents: countries.reduce((n, one) => n + one.incidents, 0),
    countries: countries.length,
    affected: sumSplits(Object.values(byHarm)),
    byHarm,
  };
}

/**
 * Latest assessments of a State's cases: one row per standard (full, prompt, impartial,
 * independent, transparent, effective), counting met, partly met, not met, cannot assess.
 */
export function ratings(rows: readonly (readonly number[])[] = []): StateAccountability['assessments'] {
  const row = (standard: number) => Object.fromEntries(StandardRatings.map((rating, index) => [rating, rows[standard]?.[index] ?? 0]));
  return Object.fromEntries(InvestigationStandards.map((standard, index) => [standard, row(index)])) as StateAccountability['assessments'];
}

/**
 * One concerned State's line of recommendation 6, its figures in the order of the type:
 * cases, requests made, acknowledged, progress reports received, overdue, longest wait in
 * days, determinations, referrals, prosecutions, convictions.
 */
export function stateAccountability(
  stateCode: string,
  stateName: string,
  figures: readonly number[],
  assessments = ratings(),
): StateAccountability {
  const [cases, requestsMade, requestsAcknowledged, progressReportsReceived, reportsOverdue, maxDaysOverdue, ...outcomes] = [
    ...figures,
    ...new Array<number>(10 - figures.length).fill(0),
  ];
  const [determinations, referrals, prosecutions, convictions] = outcomes;
  const requests = { requestsMade, requestsAcknowledged, progressReportsReceived, reportsOverdue, maxDaysOverdue };
  return { stateCode, stateName, cases, ...requests, assessments, determinations, referrals, prosecutions, convictions };
}

export function annexRow(overrides: Partial<CaseAnnexRow> & Pick<CaseAnnexRow, 'reference' | 'stateCode'>): CaseAnnexRow {
  return {
    stage: 'state_requested',
    daysSinceRequest: 0,
    reportsReceived: 0,
    reportsOverdue: 0,
    referralStatus: null,
    determinationWithoutReferral: false,
    ...overrides,
  };
}

// Most people affected first, as the query orders them. After the incidents, national and
// international personnel: killed, wounded, kidnapped, detained, missing, sexual violence.
// prettier-ignore
const Countries2023: CountryFigures[] = [
  country('SD', 'Sudan', 62, [[38, 2], [30, 3], [12, 0], [8, 0], [3, 0], [2, 0]]),
  country('SS', 'South Sudan', 41, [[22, 0], [18, 1], [9, 1], [4, 0], [1, 0], [1, 0]]),
  country('AF', 'Afghanistan', 35, [[9, 0], [14, 1], [7, 0], [16, 2]]),
  country('UA', 'Ukraine', 28, [[11, 1], [19, 2], [0, 0], [2, 0], [1, 0]]),
  country('ML', 'Mali', 24, [[8, 0], [9, 0], [10, 1], [2, 0], [2, 0]]),
  country('SO', 'Somalia', 22, [[12, 1], [10, 0], [4, 0], [1, 0]]),
  country('CD', 'Democratic Republic of the Congo', 20, [[6, 0], [8, 0], [9, 0], [0, 0], [1, 0], [1, 0]]),
  country('MM', 'Myanmar', 15, [[5, 0], [6, 0], [1, 0], [9, 0]]),
  country('SY', 'Syrian Arab Republic', 14, [[7, 0], [9, 0], [0, 0], [2, 0]]),
  country('YE', 'Yemen', 11, [[3, 0], [4, 0], [2, 1], [5, 0]]),
  country('BF', 'Burkina Faso', 9, [[4, 0], [3, 0], [3, 0], [0, 0], [1, 0]]),
  country('HT', 'Haiti', 6, [[0, 0], [2, 0], [5, 2]]),
];

// 2022, for the change from the previous period.
// prettier-ignore
const Countries2022: CountryFigures[] = [
  country('SS', 'South Sudan', 48, [[24, 1], [21, 1], [8, 0], [3, 0]]),
  country('AF', 'Afghanistan', 44, [[14, 0], [17, 2], [5, 0], [11, 1]]),
  country('ML', 'Mali', 31, [[9, 1], [8, 0], [12, 2], [0, 0], [2, 0]]),
  country('SD', 'Sudan', 27, [[6, 0], [9, 1], [4, 0], [3, 0]]),
  country('SY', 'Syrian Arab Republic', 25, [[10, 0], [12, 0], [0, 0], [2, 0]]),
  country('UA', 'Ukraine', 22, [[8, 2], [11, 1]]),
  country('SO', 'Somalia', 19, [[7, 0], [6, 0], [2, 0]]),
  country('CD', 'Democratic Republic of the Congo', 17, [[5, 0], [4, 0], [6, 0]]),
];

const Months2023 = [18, 21, 19, 34, 31, 25, 22, 24, 20, 23, 26, 24];

const Perpetrators2023: Partial<Record<PerpetratorCategory, number>> = {
  non_state_armed_group_national: 88,
  unknown: 74,
  host_state_forces: 41,
  criminal: 37,
  non_state_armed_group_subnational: 29,
  foreign_or_coalition_forces: 14,
  police_or_paramilitary: 9,
  unaffiliated_individual: 6,
};

const Means2023: Partial<Record<MeansOfAttack, number>> = {
  shooting: 104,
  kidnapping: 41,
  aerial_bombardment: 33,
  shelling: 27,
  bodily_assault: 22,
  unknown: 22,
  detention: 19,
  roadside_ied: 9,
  other_explosives: 6,
  rape_or_sexual_assault: 4,
};

/** The entries of a record of counts, keys typed. */
function entries<K extends string>(counts: Partial<Record<K, number>>): [K, number][] {
  return Object.entries(counts) as [K, number][];
}

/**
 * A Council report for 2023 as the lead query would fill it: twelve countries, twelve cases
 * with five concerned States, overdue progress reports, a referral to the International
 * Criminal Court, a prosecution ending in conviction and legal aid to survivors.
 */
export function councilReportData(overrides: Partial<CouncilReportData> = {}): CouncilReportData {
  const period = parsePeriod('2023');
  const current = periodFigures(period, Countries2023);
  return {
    reportId: '01890a5d-ac96-774b-bcce-b302099a8057',
    reference: 'CR-2023-ALL-0001',
    language: 'en',
    period,
    scope: { kind: 'all', name: 'all countries' },
    watermark: {
      asOf: '2024-02-15T06:00:00.000Z',
      positions: [
        ...[1842, 1790, 1811, 1755, 1802, 1779].map((offset, partition) => ({
          topic: 'accountability.incidents.v1',
          partition,
          nextOffset: String(offset),
        })),
        ...[96, 88, 102, 91, 85, 99].map((offset, partition) => ({
          topic: 'accountability.cases.v1',
          partition,
          nextOffset: String(offset),
        })),
      ],
    },
    attacks: {
      current,
      previous: periodFigures(parsePeriod('2022'), Countries2022),
      byCountry: Countries2023,
      premises: [
        { assetType: 'vehicle', incidents: 48, unIncidents: 9, destroyedIncidents: 11 },
        { assetType: 'office_or_compound', incidents: 21, unIncidents: 6, destroyedIncidents: 3 },
        { assetType: 'warehouse', incidents: 12, unIncidents: 4, destroyedIncidents: 2 },
        { assetType: 'health_facility', incidents: 7, unIncidents: 0, destroyedIncidents: 2 },
        { assetType: 'convoy_or_supplies', incidents: 5, unIncidents: 2, destroyedIncidents: 1 },
        { assetType: 'residence', incidents: 3, unIncidents: 0, destroyedIncidents: 0 },
        { assetType: 'school', incidents: 0, unIncidents: 0, destroyedIncidents: 0 },
      ],
      perpetrators: entries(Perpetrators2023).map(([category, incidents]) => ({ category, incidents })),
      meansOfAttack: entries(Means2023).map(([means, incidents]) => ({ means, incidents })),
      byMonth: Months2023.map((incidents, index) => ({ month: `2023-${String(index + 1).padStart(2, '0')}`, incidents })),
      byYear: [{ year: 2023, affected: current.affected }],
    },
    accountability: {
      byState: [
        // prettier-ignore
        stateAccountability('SD', 'Sudan', [5, 4, 3, 5, 3, 142, 1, 1, 0, 0], ratings([[0, 1, 1, 0], [0, 0, 2, 0], [0, 1, 1, 0], [0, 0, 2, 0], [0, 0, 1, 1], [0, 1, 1, 0]])),
        // prettier-ignore
        stateAccountability('SS', 'South Sudan', [3, 3, 3, 4, 1, 98, 1, 0, 1, 0], ratings([[1, 1, 0, 0], [0, 1, 1, 0], [1, 0, 1, 0], [0, 1, 1, 0], [0, 1, 1, 0], [1, 0, 1, 0]])),
        // prettier-ignore
        stateAccountability('AF', 'Afghanistan', [2, 2, 1, 1, 2, 64], ratings([[0, 0, 0, 1], [0, 0, 1, 0], [0, 0, 0, 1], [0, 0, 0, 1], [0, 0, 1, 0], [0, 0, 0, 1]])),
        // prettier-ignore
        stateAccountability('ML', 'Mali', [1, 1, 1, 2, 0, 0, 0, 0, 1, 1], ratings([[1, 0, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0], [0, 1, 0, 0], [1, 0, 0, 0]])),
        stateAccountability('UA', 'Ukraine', [1, 1, 1, 1]),
      ],
      referrals: [{ mechanism: 'international_criminal_court', status: 'under_preliminary_examination', count: 1 }],
      prosecutions: [
        { trialStatus: 'at_trial', verdict: null, prosecutions: 1, accused: 2 },
        { trialStatus: 'final', verdict: 'convicted', prosecutions: 1, accused: 1 },
      ],
      capacitySupport: [
        { kind: 'technical_assistance', status: 'ongoing', count: 2 },
        { kind: 'technical_assistance', status: 'completed', count: 1 },
        { kind: 'independent_investigators_deployed', status: 'planned', count: 1 },
      ],
      survivorSupport: [
        { kind: 'legal_aid', status: 'ongoing', cases: 3, persons: 5 },
        { kind: 'legal_aid', status: 'completed', cases: 1, persons: 1 },
        { kind: 'psychosocial_support', status: 'ongoing', cases: 2, persons: 4 },
        { kind: 'medical_care', status: 'completed', cases: 1, persons: 2 },
        { kind: 'compensation', status: 'pending', cases: 1, persons: 3 },
      ],
    },
    annex: [
      annexRow({
        reference: 'CASE-2023-000012',
        stateCode: 'SD',
        stage: 'referred',
        daysSinceRequest: 301,
        reportsReceived: 2,
        referralStatus: 'under_preliminary_examination',
      }),
      annexRow({
        reference: 'CASE-2023-000019',
        stateCode: 'SS',
        stage: 'determined_unable_unwilling',
        daysSinceRequest: 280,
        reportsReceived: 2,
        determinationWithoutReferral: true,
      }),
      annexRow({ reference: 'CASE-2023-000024', stateCode: 'SS', stage: 'state_reporting', daysSinceRequest: 262, reportsReceived: 2 }),
      annexRow({
        reference: 'CASE-2023-000031',
        stateCode: 'SD',
        stage: 'state_reporting',
        daysSinceRequest: 245,
        reportsReceived: 2,
        reportsOverdue: 1,
      }),
      annexRow({
        reference: 'CASE-2023-000036',
        stateCode: 'AF',
        stage: 'state_reporting',
        daysSinceRequest: 210,
        reportsReceived: 1,
        reportsOverdue: 1,
      }),
      annexRow({ reference: 'CASE-2023-000041', stateCode: 'ML', stage: 'closed', daysSinceRequest: 230, reportsReceived: 2 }),
      annexRow({
        reference: 'CASE-2023-000047',
        stateCode: 'SD',
        stage: 'state_acknowledged',
        daysSinceRequest: 180,
        reportsReceived: 1,
        reportsOverdue: 1,
      }),
      annexRow({ reference: 'CASE-2023-000058', stateCode: 'SD', stage: 'state_requested', daysSinceRequest: 151, reportsOverdue: 1 }),
      annexRow({ reference: 'CASE-2023-000066', stateCode: 'SS', stage: 'state_requested', daysSinceRequest: 121, reportsOverdue: 1 }),
      annexRow({ reference: 'CASE-2023-000072', stateCode: 'AF', stage: 'state_requested', daysSinceRequest: 95, reportsOverdue: 1 }),
      annexRow({ reference: 'CASE-2023-000080', stateCode: 'UA', stage: 'state_reporting', daysSinceRequest: 70, reportsReceived: 1 }),
      annexRow({ reference: 'CASE-2024-000003', stateCode: 'SD', stage: 'opened', daysSinceRequest: null }),
    ],
    ...overrides,
  };
}

/** The same report with no case followed up under recommendation 6. */
export function councilReportDataWithoutCases(): CouncilReportData {
  return councilReportData({
    accountability: { byState: [], referrals: [], prosecutions: [], capacitySupport: [], survivorSupport: [] },
    annex: [],
  });
}
