import type { AttackContext, LocationType, MeansOfAttack, Motive, PerpetratorCategory, SourceVerificationStatus } from '#contracts';

/** The columns of an AWSD export, as its header names them. */
export const AwsdColumns = [
  'Incident ID',
  'Year',
  'Month',
  'Day',
  'Country Code',
  'Country',
  'Region',
  'District',
  'City',
  'UN',
  'INGO',
  'ICRC',
  'NRCS and IFRC',
  'NNGO',
  'Other',
  'Nationals killed',
  'Nationals wounded',
  'Nationals kidnapped',
  'Total nationals',
  'Internationals killed',
  'Internationals wounded',
  'Internationals kidnapped',
  'Total internationals',
  'Total killed',
  'Total wounded',
  'Total kidnapped',
  'Total affected',
  'Gender Male',
  'Gender Female',
  'Gender Unknown',
  'Means of attack',
  'Attack context',
  'Location',
  'Latitude',
  'Longitude',
  'Motive',
  'Actor type',
  'Actor name',
  'Details',
  'Verified',
  'Source',
] as const;

/** Newer exports (44 columns) add these; a record without them counts no detentions. */
export const AwsdDetainedColumns = ['Nationals detained', 'Internationals detained', 'Total detained'] as const;

export type AwsdColumn = (typeof AwsdColumns)[number] | (typeof AwsdDetainedColumns)[number];

/** AWSD category labels, matched however an export cases or spaces them. */
export interface AwsdLabels<T> {
  /** The labels as AWSD spells them, for messages. */
  readonly known: readonly string[];
  find(label: string): T | undefined;
}

export function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function labels<T>(table: Record<string, T>, aliases: Record<string, T> = {}): AwsdLabels<T> {
  const byLabel = new Map(Object.entries({ ...table, ...aliases }).map(([label, value]) => [normaliseLabel(label), value]));
  return { known: Object.keys(table), find: (label) => byLabel.get(normaliseLabel(label)) };
}

export const AwsdLocations = labels<LocationType>({
  Road: 'road',
  'Office/compound': 'office_compound',
  'Project site': 'project_site',
  Home: 'home',
  'Public location': 'public_location',
  Custody: 'custody',
  Unknown: 'unknown',
});

export const AwsdMeansOfAttack = labels<MeansOfAttack>(
  {
    Shooting: 'shooting',
    Kidnapping: 'kidnapping',
    'Bodily assault': 'bodily_assault',
    'Aerial bombardment': 'aerial_bombardment',
    Shelling: 'shelling',
    'Kidnap-killing': 'kidnap_killing',
    'Roadside IED': 'roadside_ied',
    'Vehicle-born IED': 'vehicle_borne_ied',
    'Body-borne IED': 'body_borne_ied',
    'Other Explosives': 'other_explosives',
    Landmine: 'landmine',
    'Complex attack': 'complex_attack',
    'Rape/sexual assault': 'rape_or_sexual_assault',
    Detention: 'detention',
    Unknown: 'unknown',
  },
  // The correct spelling, in case AWSD fixes its label.
  { 'Vehicle-borne IED': 'vehicle_borne_ied' },
);

export const AwsdAttackContexts = labels<AttackContext>({
  Ambush: 'ambush',
  'Individual attack': 'individual_attack',
  'Combat/Crossfire': 'combat_crossfire',
  Raid: 'raid',
  'Mob violence': 'mob_violence',
  Detention: 'detention',
  Unknown: 'unknown',
});

export const AwsdMotives = labels<Motive>({
  Political: 'political',
  Economic: 'economic',
  Disputed: 'disputed',
  Incidental: 'incidental',
  Other: 'other',
  Unknown: 'unknown',
});

export const AwsdActorTypes = labels<PerpetratorCategory>({
  'Host State': 'host_state_forces',
  'Foreign or coalition forces': 'foreign_or_coalition_forces',
  'Police or paramilitary': 'police_or_paramilitary',
  'State: unknown': 'state_unknown',
  'Non-state armed group: Global': 'non_state_armed_group_global',
  'Non-state armed group: Regional': 'non_state_armed_group_regional',
  'Non-state armed group: National': 'non_state_armed_group_national',
  'Non-state armed group: Subnational': 'non_state_armed_group_subnational',
  'Non-state armed group: Unknown': 'non_state_armed_group_unknown',
  Criminal: 'criminal',
  Unaffiliated: 'unaffiliated_individual',
  'Aid recipient': 'aid_recipient',
  'Staff member': 'staff_member',
  Unknown: 'unknown',
});

/**
 * The `Verified` column. AWSD's own files also abbreviate Pending as `Pen`; the abbreviation is
 * read but not offered in messages.
 */
export const AwsdVerification = labels<SourceVerificationStatus>(
  { Yes: 'verified', Pending: 'pending', Archived: 'archived' },
  { Pen: 'pending' },
);

/**
 * Countries and territories as AWSD names them in rows whose `Country Code` is blank, with the
 * code to record. The names are AWSD's `Country` values (its sample exports write "Occupied
 * Palestinian Territories") and the UN's names for the same places; Kosovo takes `XK`, the
 * user-assigned code the UN and AWSD use. A row whose name is not here is refused, never guessed.
 */
export const AwsdTerritories = labels<string>({
  Kosovo: 'XK',
  'Occupied Palestinian Territories': 'PS',
  'Occupied Palestinian Territory': 'PS',
  Palestine: 'PS',
  'State of Palestine': 'PS',
  'Western Sahara': 'EH',
  'Hong Kong': 'HK',
});

/** Source labels AWSD uses, each mapped to one spelling so statistics do not split on case. */
export const AwsdSources = labels<string>(
  Object.fromEntries(['ACLED', 'Focal point', 'Media', 'Official Report'].map((name) => [name, name])),
);
