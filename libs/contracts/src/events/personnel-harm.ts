import { IsIn, IsInt, IsOptional, Min } from 'class-validator';

/** How a person was harmed (AWSD / SiND categories). */
export const HarmTypes = ['killed', 'wounded', 'kidnapped', 'detained', 'missing', 'sexual_violence'] as const;
export type HarmType = (typeof HarmTypes)[number];

/**
 * National and locally recruited personnel are counted apart from international staff:
 * recommendation 3 notes that harm to them gets less attention.
 */
export const PersonnelStatuses = ['national', 'international'] as const;
export type PersonnelStatus = (typeof PersonnelStatuses)[number];

export const Affiliations = ['un', 'ingo', 'icrc', 'ifrc_national_society', 'national_ngo', 'other'] as const;
export type Affiliation = (typeof Affiliations)[number];

export const Genders = ['female', 'male', 'unknown'] as const;
export type Gender = (typeof Genders)[number];

/** A count of personnel harmed in one way; never identities. */
export class PersonnelHarmCount {
  @IsIn(HarmTypes)
  harm!: HarmType;

  @IsIn(PersonnelStatuses)
  status!: PersonnelStatus;

  @IsOptional()
  @IsIn(Affiliations)
  affiliation?: Affiliation;

  @IsOptional()
  @IsIn(Genders)
  gender?: Gender;

  @IsInt()
  @Min(0)
  count!: number;
}
