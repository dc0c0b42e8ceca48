import type * as Vocabulary from '#contracts';
import type { ReportingPeriod } from '../../statistics/domain/reporting-period.js';
import type { CouncilReportData, PersonnelSplit } from './council-report.js';
import type { Change } from './proportions.js';

/** A label and a count, for the lists that sentences enumerate. */
export interface Counted {
  label: string;
  count: number;
}

/** A label, a count and how that count divides by status: "technical assistance (2: 1 ongoing and 1 completed)". */
export interface CountedByStatus extends Counted {
  byStatus: Counted[];
}

export interface OverdueState {
  stateName: string;
  reportsOverdue: number;
  maxDaysOverdue: number;
}

export interface SurvivorSupportLine {
  kind: string;
  cases: number;
  persons: number;
}

export interface HarmCount {
  harm: Vocabulary.HarmType;
  count: number;
}

/** A case in which the concerned State was found unable or unwilling and nothing was referred. */
export interface UnreferredCase {
  reference: string;
  stateName: string;
}

export interface TableText {
  title: string;
  columns: string[];
}

/**
 * Every word of a Council report in one language. The composition decides what is said
 * from the figures; this says it. Another language is another object of this shape.
 */
export interface ReportText {
  /** BCP 47 tag of the document. */
  languageTag: string;

  number(value: number): string;
  /** `YYYY-MM-DD` → "15 February 2024". */
  date(day: string): string;
  /** ISO instant → "15 February 2024, 06:00 UTC". */
  dateTime(instant: string): string;
  /** `YYYY-MM` → "Jan" or "Jan 2024". */
  month(month: string, withYear: boolean): string;
  /** "2023", "the first half of 2024". */
  periodName(period: ReportingPeriod): string;
  /** Upper-cases the first letter, where the script has cases. */
  capitalize(text: string): string;
  tableLabel(number: number): string;
  figureLabel(number: number): string;
  /** Shown in tables where a figure does not apply. */
  notApplicable: string;

  labels: {
    harm: Record<Vocabulary.HarmType, string>;
    /** Plural, lower case: "offices or compounds". */
    assetType: Record<Vocabulary.AssetType, string>;
    perpetrator: Record<Vocabulary.PerpetratorCategory, string>;
    means: Record<Vocabulary.MeansOfAttack, string>;
    mechanism: Record<Vocabulary.Mechanism, string>;
    referralStatus: Record<Vocabulary.ReferralStatus, string>;
    stage: Record<Vocabulary.CaseStage, string>;
    /** As an adjective: "independent". */
    standard: Record<Vocabulary.InvestigationStandard, string>;
    rating: Record<Vocabulary.StandardRating, string>;
    trialStatus: Record<Vocabulary.TrialStatus, string>;
    verdict: Record<Vocabulary.Verdict, string>;
    capacitySupportKind: Record<Vocabulary.CapacitySupportKind, string>;
    capacitySupportStatus: Record<Vocabulary.CapacitySupportStatus, string>;
    survivorSupportKind: Record<Vocabulary.SurvivorSupportKind, string>;
    survivorSupportStatus: Record<Vocabulary.SurvivorSupportStatus, string>;
  };

  title: {
    title: string;
    subtitle: string;
    details(data: CouncilReportData): string[];
    /** `positions` is already written compactly: "topic[partition@offset …]; …". */
    watermark(positions: string): string;
  };

  headings: {
    introduction: string;
    attacks: string;
    accountability: string;
    requests: string;
    assessments: string;
    referrals: string;
    prosecutions: string;
    capacity: string;
    survivors: string;
    observations: string;
    annex: string;
  };

  tables: {
    countries(period: ReportingPeriod): TableText;
    premises(period: ReportingPeriod): TableText;
    states(asOf: string): TableText;
    assessments(asOf: string): TableText;
    prosecutions(asOf: string): TableText;
    survivorSupport(asOf: string): TableText;
    annex(asOf: string): TableText;
  };

  /** Column names of the country table's CSV download; the HXL hashtags under them are not words. */
  csv: {
    countryCode: string;
    country: string;
    year: string;
    periodStart: string;
    periodEnd: string;
    incidents: string;
    affected: string;
    /** "Killed, national", "Affected, total". */
    split(what: string, part: 'national' | 'international' | 'total'): string;
  };

  charts: {
    incidentsByMonth(period: ReportingPeriod): { title: string; categoryTitle: string; valueTitle: string; series: string };
    personnelByYear(period: ReportingPeriod): {
      title: string;
      categoryTitle: string;
      valueTitle: string;
      national: string;
      international: string;
    };
  };

  paragraphs: {
    mandate(): string;
    coverage(data: CouncilReportData): string;
    overview(period: ReportingPeriod, incidents: number, countries: number, affected: PersonnelSplit): string;
    killed(period: ReportingPeriod, killed: PersonnelSplit, countries: number): string;
    otherHarms(harms: HarmCount[]): string;
    change(previous: ReportingPeriod, incidents: Change, affected: Change, killed: Change): string;
    topCountries(tableLabel: string, shown: number, of: number, affectedShown: number, affectedAll: number): string;
    premises(period: ReportingPeriod, assets: Counted[], tableLabel: string): string;
    perpetrators(period: ReportingPeriod, categories: Counted[]): string;
    meansOfAttack(period: ReportingPeriod, means: Counted[]): string;
    noCases(asOf: string): string;
    /** `casesRequested` of the `cases` followed up had a request. */
    requests(requests: number, states: number, casesRequested: number, cases: number, acknowledged: number, tableLabel: string): string;
    progressReports(asOf: string, received: number, overdue: OverdueState[]): string;
    assessments(asOf: string, casesAssessed: number, notMet: Counted[], tableLabel: string): string;
    determinations(determinations: number, referrals: number): string;
    referralsByMechanism(mechanisms: CountedByStatus[]): string;
    prosecutions(prosecutions: number, accused: number, convictions: number, tableLabel: string): string;
    capacitySupport(kinds: CountedByStatus[]): string;
    survivorSupport(lines: SurvivorSupportLine[], tableLabel: string): string;
    longOverdue(days: number, states: OverdueState[]): string;
    unreferredDeterminations(cases: UnreferredCase[]): string;
    nationalShare(period: ReportingPeriod, affected: PersonnelSplit, killed: PersonnelSplit): string;
    noAnnexCases(asOf: string): string;
  };
}
