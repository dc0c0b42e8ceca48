/**
 * The categories of the accountability chain of recommendation 6 (S/RES/2730 (2024), the
 * Secretary-General's letter of 22 November 2024). Shared by investigation-tracking and the
 * case events; adding a value is a contract change.
 */

/** How the request to the concerned State was conveyed (6.1). */
export const RequestChannels = ['note_verbale', 'letter', 'meeting', 'other'] as const;
export type RequestChannel = (typeof RequestChannels)[number];

/** Where the State's investigation stands, as its progress report says. */
export const InvestigationStatuses = [
  'not_started',
  'preliminary',
  'active',
  'suspended',
  'closed_without_charges',
  'referred_to_prosecution',
] as const;
export type InvestigationStatus = (typeof InvestigationStatuses)[number];

/** The six standards of 6.1: a full, prompt, impartial, independent, transparent and effective investigation. */
export const InvestigationStandards = ['full', 'prompt', 'impartial', 'independent', 'transparent', 'effective'] as const;
export type InvestigationStandard = (typeof InvestigationStandards)[number];

export const StandardRatings = ['met', 'partly_met', 'not_met', 'cannot_assess'] as const;
export type StandardRating = (typeof StandardRatings)[number];

/** What an assessment checks, drawn from the Minnesota Protocol (2016) and the Istanbul Protocol (2022). */
export const AssessmentCriteria = [
  'opened_without_delay',
  'investigators_independent',
  'conflicts_of_interest_examined',
  'forensic_examination_done',
  'victims_witnesses_suspects_sought',
  'power_to_compel',
  'victims_families_informed_and_participating',
  'participants_protected',
  'written_report_in_reasonable_time',
  'results_made_public',
] as const;
export type AssessmentCriterion = (typeof AssessmentCriteria)[number];

/** The state of the national judicial system as the assessing officer found it (Rome Statute art. 17(3)). */
export const JudicialSystemConditions = ['functioning', 'substantially_collapsed', 'unavailable'] as const;
export type JudicialSystemCondition = (typeof JudicialSystemConditions)[number];

/** Indicators of unwillingness (art. 17(2)(a)–(c)) and inability (art. 17(3)); the system recommends, a person decides. */
export const IndicatorKinds = ['shielding', 'unjustified_delay', 'lack_of_independence_or_impartiality', 'judicial_collapse'] as const;
export type IndicatorKind = (typeof IndicatorKinds)[number];

export const DeterminationFindings = ['unable', 'unwilling', 'unable_and_unwilling'] as const;
export type DeterminationFinding = (typeof DeterminationFindings)[number];

/** International mechanisms a case may be referred to (6.2). */
export const Mechanisms = [
  'international_criminal_court',
  'commission_of_inquiry',
  'fact_finding_mission',
  'international_investigative_mechanism',
  'international_or_hybrid_tribunal',
  'regional_human_rights_court',
] as const;
export type Mechanism = (typeof Mechanisms)[number];

export const ReferralStatuses = ['submitted', 'acknowledged', 'under_preliminary_examination', 'investigation_opened', 'declined'] as const;
export type ReferralStatus = (typeof ReferralStatuses)[number];

export const ReferralOutcomes = ['proceedings_opened', 'findings_published', 'declined', 'no_action', 'other'] as const;
export type ReferralOutcome = (typeof ReferralOutcomes)[number];

/** Domestic prosecution (6.3): charges as categories, never as names. */
export const ChargeCategories = [
  'murder',
  'attack_on_humanitarian_personnel',
  'hostage_taking_or_kidnapping',
  'sexual_violence',
  'torture_or_ill_treatment',
  'destruction_of_property',
  'other',
] as const;
export type ChargeCategory = (typeof ChargeCategories)[number];

export const TrialStatuses = ['charges_filed', 'pre_trial', 'at_trial', 'judgment_delivered', 'on_appeal', 'final'] as const;
export type TrialStatus = (typeof TrialStatuses)[number];

export const Verdicts = ['convicted', 'acquitted', 'dismissed'] as const;
export type Verdict = (typeof Verdicts)[number];

export const SentenceCategories = [
  'imprisonment_under_5_years',
  'imprisonment_5_to_15_years',
  'imprisonment_over_15_years',
  'life_imprisonment',
  'death_penalty',
  'fine',
  'suspended',
  'other',
] as const;
export type SentenceCategory = (typeof SentenceCategories)[number];

export const AppealStatuses = ['none', 'pending', 'upheld', 'overturned'] as const;
export type AppealStatus = (typeof AppealStatuses)[number];

/** Capacity support (6.4). */
export const CapacitySupportKinds = ['technical_assistance', 'expertise_exchange', 'independent_investigators_deployed'] as const;
export type CapacitySupportKind = (typeof CapacitySupportKinds)[number];

export const CapacitySupportStatuses = ['planned', 'ongoing', 'completed', 'cancelled'] as const;
export type CapacitySupportStatus = (typeof CapacitySupportStatuses)[number];

/** Support to survivors and victims (6.5, 4.4). */
export const SurvivorSupportKinds = [
  'legal_aid',
  'medical_care',
  'psychosocial_support',
  'compensation',
  'livelihood_restoration',
  'victim_witness_protection',
] as const;
export type SurvivorSupportKind = (typeof SurvivorSupportKinds)[number];

export const SurvivorSupportStatuses = ['not_needed', 'pending', 'ongoing', 'completed'] as const;
export type SurvivorSupportStatus = (typeof SurvivorSupportStatuses)[number];

export const EvidenceCategories = [
  'document',
  'photo',
  'video',
  'audio',
  'forensic_report',
  'witness_statement_reference',
  'other',
] as const;
export type EvidenceCategory = (typeof EvidenceCategories)[number];

export const ClosureOutcomes = [
  'accountability_achieved',
  'acquittal',
  'no_perpetrator_identified',
  'referral_concluded',
  'withdrawn_as_duplicate',
  'other',
] as const;
export type ClosureOutcome = (typeof ClosureOutcomes)[number];

/** How an incident belongs to a case; a duplicate counts once in every figure. */
export const IncidentLinkKinds = ['primary', 'related', 'duplicate'] as const;
export type IncidentLinkKind = (typeof IncidentLinkKinds)[number];

/** How far a case has come along the chain; the furthest of its concerned States, or closed. */
export const CaseStages = [
  'opened',
  'state_requested',
  'state_acknowledged',
  'state_reporting',
  'determination_pending',
  'determined_unable_unwilling',
  'referred',
  'closed',
] as const;
export type CaseStage = (typeof CaseStages)[number];

/** What a due date waits for. */
export const DueDateKinds = ['acknowledgement', 'progress_report'] as const;
export type DueDateKind = (typeof DueDateKinds)[number];
