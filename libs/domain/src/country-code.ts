import { isISO31661Alpha2 } from 'class-validator';

/**
 * User-assigned codes (ISO 3166-1 reserves XA-XZ for them) that the UN and AWSD use as
 * country codes: `XK`, Kosovo.
 */
export const UserAssignedCountryCodes: readonly string[] = ['XK'];

/** An upper-case ISO 3166-1 alpha-2 code (`SD`, not `sd`), or a user-assigned one the UN uses. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && (isISO31661Alpha2(code) || UserAssignedCountryCodes.includes(code));
}
