import type {
  AssetType,
  CaseStage,
  HarmType,
  InvestigationStandard,
  MeansOfAttack,
  Mechanism,
  PerpetratorCategory,
  ReferralStatus,
  ReportLanguage,
  ReportScopeKind,
  StandardRating,
} from '#contracts';
import type { ReportingPeriod } from '../../statistics/domain/reporting-period.js';

/** Everyone, one region (UN geoscheme name), or one concerned State (ISO 3166-1 alpha-2). */
export interface ReportScope {
  kind: ReportScopeKind;
  /** Region name or State code; absent for `all`. */
  code?: string;
  /** What the title says: "all countries", "Eastern Africa", "Sudan". */
  name: string;
}

/** How far the projections had read each topic partition when the report's figures were taken. */
export interface TopicPosition {
  topic: string;
  partition: number;
  /** The next offset the projection would read; every event before it is in the figures. */
  nextOffset: string;
}

/** What a report's figures were taken from: the data date and the topic positions. */
export interface DataWatermark {
  /** ISO 8601 UTC instant; "data as of", and the day from which overdue days are counted. */
  asOf: string;
  positions: TopicPosition[];
}

/** People harmed, national (and locally recruited) vs international. */
export interface PersonnelSplit {
  national: number;
  international: number;
  total: number;
}

export type HarmTable = Record<HarmType, PersonnelSplit>;

export interface PeriodFigures {
  period: ReportingPeriod;
  incidents: number;
  countries: number;
  /** People harmed in all, by harm. */
  affected: PersonnelSplit;
  byHarm: HarmTable;
}

export interface CountryFigures {
  countryCode: string;
  countryName: string;
  incidents: number;
  affected: PersonnelSplit;
  byHarm: HarmTable;
}

export interface PremisesFigures {
  assetType: AssetType;
  /** Incidents in which such premises or assets were hit. */
  incidents: number;
  /** Of which United Nations premises or assets. */
  unIncidents: number;
  /** Of which destroyed. */
  destroyedIncidents: number;
}

export interface MonthFigures {
  /** `YYYY-MM`; incidents whose date is known only to the year are not in any month. */
  month: string;
  incidents: number;
}

export interface YearPersonnelFigures {
  year: number;
  affected: PersonnelSplit;
}

export interface AttackFigures {
  current: PeriodFigures;
  previous: PeriodFigures;
  /** Every country of the period, most people affected first, then by code. */
  byCountry: CountryFigures[];
  premises: PremisesFigures[];
  perpetrators: { category: PerpetratorCategory; incidents: number }[];
  meansOfAttack: { means: MeansOfAttack; incidents: number }[];
  byMonth: MonthFigures[];
  /** National vs international personnel affected, for each year the period touches. */
  byYear: YearPersonnelFigures[];
}

/** Recommendation 6.1–6.5 for one concerned State. */
export interface StateAccountability {
  stateCode: string;
  stateName: string;
  cases: number;
  requestsMade: number;
  requestsAcknowledged: number;
  progressReportsReceived: number;
  /** Missed due dates still without the report. */
  reportsOverdue: number;
  /** The longest wait among them, in days, at the data date. */
  maxDaysOverdue: number;
  /** Latest assessment of each case: how many rated each standard each way. */
  assessments: Record<InvestigationStandard, Record<StandardRating, number>>;
  determinations: number;
  referrals: number;
  prosecutions: number;
  convictions: number;
}

export interface AccountabilityFigures {
  byState: StateAccountability[];
  referrals: { mechanism: Mechanism; status: ReferralStatus; count: number }[];
  prosecutions: { trialStatus: string; verdict: string | null; prosecutions: number; accused: number }[];
  capacitySupport: { kind: string; status: string; count: number }[];
  survivorSupport: { kind: string; status: string; cases: number; persons: number }[];
}

/** One line of the annex: where a case stands for one of its concerned States. */
export interface CaseAnnexRow {
  reference: string;
  stateCode: string;
  stage: CaseStage;
  /** Days from the request to the data date; null before the request. */
  daysSinceRequest: number | null;
  reportsReceived: number;
  reportsOverdue: number;
  /** The latest referral's status, or null. */
  referralStatus: ReferralStatus | null;
  /** Determined unable or unwilling and not referred: the Council may consider measures. */
  determinationWithoutReferral: boolean;
}

/**
 * The figures of a Council-ready summary: everything every format renders, and nothing
 * about any person. Its JSON is a download format and the input of the others.
 */
export interface CouncilReportData {
  reportId: string;
  reference: string;
  language: ReportLanguage;
  period: ReportingPeriod;
  scope: ReportScope;
  watermark: DataWatermark;
  attacks: AttackFigures;
  accountability: AccountabilityFigures;
  annex: CaseAnnexRow[];
}
