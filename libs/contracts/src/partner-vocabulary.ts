/**
 * What the partner topics say instead of what they withhold. Adding a value is a contract
 * change for partners.
 */

/** The kind of organisation that reported an incident; partners never see which one it was. */
export const OrganisationTypes = ['un', 'ingo', 'nngo', 'red_cross_red_crescent', 'other'] as const;
export type OrganisationType = (typeof OrganisationTypes)[number];

/** `public`: the record as partners may see it; `restricted`: its country and month only. */
export const Disclosures = ['public', 'restricted'] as const;
export type Disclosure = (typeof Disclosures)[number];

/** Why a record left a partner topic: `rejected` in intake, or `withheld` (it became confidential). */
export const WithdrawalCauses = ['rejected', 'withheld'] as const;
export type WithdrawalCause = (typeof WithdrawalCauses)[number];

/** `YYYY-MM`, or `YYYY` when only the year is known. */
export const PartnerMonthPattern = /^\d{4}(-\d{2})?$/;
