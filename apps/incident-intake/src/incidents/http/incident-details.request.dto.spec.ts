import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IncidentDetailsDto } from './incident-details.request.dto.js';

/** The problems POST /incidents reports for the country fields alone. */
function countryProblems(fields: { countryCode: unknown; concernedStateCode?: unknown }): Record<string, string[]> {
  const errors = validateSync(plainToInstance(IncidentDetailsDto, fields));
  return Object.fromEntries(
    errors
      .filter((error) => error.property === 'countryCode' || error.property === 'concernedStateCode')
      .map((error) => [error.property, Object.values(error.constraints ?? {})]),
  );
}

describe('IncidentDetailsDto country fields', () => {
  it.each(['SD', 'PS', 'XK'])('accepts %s as the country and the concerned State', (code) => {
    expect(countryProblems({ countryCode: code, concernedStateCode: code })).toEqual({});
  });

  it.each(['XQ', 'xk', 'SDN', 7])('refuses %j', (code) => {
    expect(countryProblems({ countryCode: code, concernedStateCode: code })).toEqual({
      countryCode: ['countryCode must be an upper-case ISO 3166-1 alpha-2 code'],
      concernedStateCode: ['concernedStateCode must be an upper-case ISO 3166-1 alpha-2 code'],
    });
  });
});
