import {
  HarmTypes,
  type AffectedAsset,
  type AssetType,
  type ConfidentialityLevel,
  type HarmType,
  type IncidentStatus,
  type PersonnelHarmCount,
} from '#contracts';

/** What investigation-tracking keeps of an incident, from intake's events: ids, categories, counts, dates. */
export interface IncidentFacts {
  incidentId: string;
  reference: string;
  version: number;
  status: IncidentStatus;
  countryCode: string;
  concernedStateCode: string;
  occurredOn: string;
  confidentiality: ConfidentialityLevel;
  reportingOrganisation: string;
  /** Imported history (it carries a source database reference): never opens a case by itself. */
  imported: boolean;
  personnel: PersonnelHarmCount[];
  assets: AffectedAsset[];
}

/** When a verified incident opens a case without an officer asking. */
export interface OpeningPolicy {
  harms: HarmType[];
  destroyedPremises: boolean;
}

/** The gravest harms by default: anyone killed, kidnapped, detained or sexually assaulted, or premises destroyed. */
export const DefaultOpeningPolicy: OpeningPolicy = {
  harms: ['killed', 'kidnapped', 'detained', 'sexual_violence'],
  destroyedPremises: true,
};

/** Buildings, as opposed to vehicles and supplies: "premises" in resolution 2730 (2024). */
const Premises: readonly AssetType[] = ['office_or_compound', 'warehouse', 'health_facility', 'school', 'residence'];

/** Reads the policy from its configuration text: a list of harms, or `none`. */
export function parseOpeningHarms(text: string): HarmType[] | undefined {
  if (text.trim() === 'none') return [];
  const harms = text.split(',').map((harm) => harm.trim());
  return harms.every((harm): harm is HarmType => (HarmTypes as readonly string[]).includes(harm)) ? harms : undefined;
}

/** Why a verified incident opens a case under the policy, or undefined when it does not. */
export function openingReason(policy: OpeningPolicy, facts: IncidentFacts): string | undefined {
  if (facts.imported || facts.status !== 'verified') return undefined;
  const harmed = policy.harms.filter((harm) => facts.personnel.some((count) => count.harm === harm && count.count > 0));
  if (harmed.length > 0) return `personnel ${harmed.map((harm) => harm.replaceAll('_', ' ')).join(', ')}`;
  const destroyed = facts.assets.find((asset) => asset.damage === 'destroyed' && Premises.includes(asset.type));
  if (policy.destroyedPremises && destroyed)
    return `${destroyed.un ? 'UN' : 'humanitarian'} ${destroyed.type.replaceAll('_', ' ')} destroyed`;
  return undefined;
}
