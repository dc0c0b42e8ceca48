import type {
  AffectedAsset,
  AffiliationBreakdown,
  AttackContext,
  ConfidentialityLevel,
  CoordinatePrecision,
  DatePrecision,
  ExternalReference,
  GenderBreakdown,
  LocationType,
  MeansOfAttack,
  Motive,
  PerpetratorCategory,
  PersonnelHarmCount,
  SourceReliability,
  SourceVerificationStatus,
} from '#contracts';
import type { DeclaredTotals } from './personnel-counts.js';

export interface Coordinates {
  latitude: number;
  longitude: number;
  precision: CoordinatePrecision;
}

export interface IncidentSource {
  /** Who reported it: an organisation, a database, a focal point; never a private person's name. */
  name: string;
  reliability: SourceReliability;
}

/**
 * Everything an officer states about an incident except protected personal data.
 * Amendments replace any subset of these fields.
 */
export interface IncidentDetails {
  occurredOn: string;
  occurredOnPrecision: DatePrecision;
  countryCode: string;
  /** Defaults to countryCode. */
  concernedStateCode?: string;
  adminLevel1?: string;
  adminLevel2?: string;
  locality?: string;
  coordinates?: Coordinates;
  locationType: LocationType;
  meansOfAttack: MeansOfAttack;
  attackContext: AttackContext;
  motive?: Motive;
  personnel: PersonnelHarmCount[];
  affiliationBreakdown?: AffiliationBreakdown;
  genderBreakdown?: GenderBreakdown;
  declaredTotals?: DeclaredTotals;
  assets: AffectedAsset[];
  perpetratorCategory: PerpetratorCategory;
  narrative?: string;
  sources: IncidentSource[];
  confidentiality: ConfidentialityLevel;
  /** Verification status in the source database, for imported incidents. */
  sourceVerification?: SourceVerificationStatus;
}

export const AmendableFields = [
  'occurredOn',
  'occurredOnPrecision',
  'countryCode',
  'concernedStateCode',
  'adminLevel1',
  'adminLevel2',
  'locality',
  'coordinates',
  'locationType',
  'meansOfAttack',
  'attackContext',
  'motive',
  'personnel',
  'affiliationBreakdown',
  'genderBreakdown',
  'declaredTotals',
  'assets',
  'perpetratorCategory',
  'narrative',
  'sources',
  'confidentiality',
  'sourceVerification',
] as const satisfies readonly (keyof IncidentDetails)[];

export type { ExternalReference };
