import worldCountries, { type Country } from 'world-countries';

// The package's typings declare an ES default export, but it is a CommonJS array at run time.
const countries = worldCountries as unknown as Country[];
const byCode = new Map(countries.map((country) => [country.cca2, country]));

/** A region the UN geoscheme names for countries without a sub-region (Antarctica). */
const UnknownRegion = 'Unknown region';

/** The country's common English name, or its code when the code names no country. */
export function countryName(code: string): string {
  return byCode.get(code)?.name.common ?? code;
}

/** The UN geoscheme sub-region ("Eastern Africa", "Western Asia"), by which reports are scoped. */
export function regionOf(code: string): string {
  return byCode.get(code)?.subregion || UnknownRegion;
}

/** Every region a country belongs to, sorted: what `region` scopes accept. */
export const Regions: readonly string[] = [...new Set([...byCode.keys()].map(regionOf))].sort();

/** The country codes of a region, for figures scoped by the concerned State's region. */
export function codesInRegion(region: string): string[] {
  return [...byCode.keys()].filter((code) => regionOf(code) === region).sort();
}

/** Whether the code names a country or territory (including `XK`, Kosovo, as the UN and AWSD use it). */
export function isKnownCountry(code: string): boolean {
  return byCode.has(code);
}
