import { isCountryCode } from './country-code.js';

describe('isCountryCode', () => {
  it.each(['SD', 'PS', 'EH', 'HK', 'XK'])('accepts %s', (code) => {
    expect(isCountryCode(code)).toBe(true);
  });

  it.each(['sd', 'xk', 'XQ', 'XX', 'SDN', '', 'S'])('refuses %j', (code) => {
    expect(isCountryCode(code)).toBe(false);
  });
});
