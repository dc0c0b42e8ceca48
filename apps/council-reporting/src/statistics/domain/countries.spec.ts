import { countryName, regionOf, Regions } from './countries.js';

describe('countries', () => {
  it.each([
    { code: 'SD', name: 'Sudan', region: 'Northern Africa' },
    { code: 'SS', name: 'South Sudan', region: 'Middle Africa' },
    { code: 'AF', name: 'Afghanistan', region: 'Southern Asia' },
    { code: 'XK', name: 'Kosovo', region: 'Southeast Europe' },
    { code: 'ZZ', name: 'ZZ', region: 'Unknown region' },
  ])('names $code $name in $region', ({ code, name, region }) => {
    expect(countryName(code)).toBe(name);
    expect(regionOf(code)).toBe(region);
  });

  it('lists each region once, sorted', () => {
    expect(Regions).toContain('Eastern Africa');
    expect([...Regions].sort()).toEqual(Regions);
    expect(new Set(Regions).size).toBe(Regions.length);
  });
});
