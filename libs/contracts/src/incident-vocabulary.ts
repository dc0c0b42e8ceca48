/**
 * The categories incidents are recorded in, aligned with the Aid Worker Security Database
 * (AWSD) and Insecurity Insight's Security in Numbers (SiND) so partners can compare.
 * Shared by the intake service and the events; adding a value is a contract change.
 */

export const MeansOfAttack = [
  'shooting',
  'kidnapping',
  'bodily_assault',
  'aerial_bombardment',
  'shelling',
  'kidnap_killing',
  'roadside_ied',
  'vehicle_borne_ied',
  'body_borne_ied',
  'other_explosives',
  'landmine',
  'complex_attack',
  'rape_or_sexual_assault',
  'detention',
  'unknown',
] as const;
export type MeansOfAttack = (typeof MeansOfAttack)[number];

export const AttackContexts = ['ambush', 'individual_attack', 'combat_crossfire', 'raid', 'mob_violence', 'detention', 'unknown'] as const;
export type AttackContext = (typeof AttackContexts)[number];

export const Motives = ['political', 'economic', 'disputed', 'incidental', 'other', 'unknown'] as const;
export type Motive = (typeof Motives)[number];

export const LocationTypes = ['road', 'office_compound', 'project_site', 'home', 'public_location', 'custody', 'unknown'] as const;
export type LocationType = (typeof LocationTypes)[number];

/** Alleged perpetrators; non-State armed groups by reach, as AWSD records them. */
export const PerpetratorCategories = [
  'host_state_forces',
  'foreign_or_coalition_forces',
  'police_or_paramilitary',
  'state_unknown',
  'non_state_armed_group_global',
  'non_state_armed_group_regional',
  'non_state_armed_group_national',
  'non_state_armed_group_subnational',
  'non_state_armed_group_unknown',
  'criminal',
  'unaffiliated_individual',
  'aid_recipient',
  'staff_member',
  'unknown',
] as const;
export type PerpetratorCategory = (typeof PerpetratorCategories)[number];

export const AssetTypes = [
  'office_or_compound',
  'warehouse',
  'vehicle',
  'health_facility',
  'school',
  'residence',
  'convoy_or_supplies',
  'other',
] as const;
export type AssetType = (typeof AssetTypes)[number];

export const DamageLevels = ['none', 'light', 'moderate', 'severe', 'destroyed', 'unknown'] as const;
export type DamageLevel = (typeof DamageLevels)[number];

export const CoordinatePrecisions = ['exact', 'approximate', 'admin_area', 'country'] as const;
export type CoordinatePrecision = (typeof CoordinatePrecisions)[number];

/** Admiralty-style grading of how far a source is to be believed. */
export const SourceReliabilities = ['confirmed', 'probably_true', 'possibly_true', 'doubtful', 'improbable', 'cannot_be_judged'] as const;
export type SourceReliability = (typeof SourceReliabilities)[number];

export const ConfidentialityLevels = ['public', 'restricted', 'confidential'] as const;
export type ConfidentialityLevel = (typeof ConfidentialityLevels)[number];

/** Verification status as the source database records it (AWSD: Yes, Pending, Archived). */
export const SourceVerificationStatuses = ['verified', 'pending', 'archived'] as const;
export type SourceVerificationStatus = (typeof SourceVerificationStatuses)[number];

export const IncidentStatuses = ['reported', 'verified', 'rejected'] as const;
export type IncidentStatus = (typeof IncidentStatuses)[number];

export const RejectionReasons = ['duplicate', 'not_credible'] as const;
export type RejectionReason = (typeof RejectionReasons)[number];
