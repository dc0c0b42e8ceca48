import { ReportLanguages, ReportScopeKinds, type ReportLanguage } from '#contracts';
import { MalformedInputError, type FieldProblem } from '#domain';
import { countryName, isKnownCountry, Regions } from '../../statistics/domain/countries.js';
import { parsePeriod, type ReportingPeriod } from '../../statistics/domain/reporting-period.js';
import type { ReportScope } from './council-report.js';

/** What reporting staff ask a Council summary of. */
export interface ReportRequest {
  period: ReportingPeriod;
  scope: ReportScope;
  language: ReportLanguage;
}

export interface ReportRequestInput {
  period: string;
  scope: string;
  /** The region's name, or the concerned State's code. */
  scopeCode?: string;
  language?: string;
}

/**
 * Checks a request as a whole and names every field that is wrong: a period of the forms
 * the Secretary-General reports on, a scope with the code it needs, a language we have.
 */
export function reportRequestOf(input: ReportRequestInput): ReportRequest {
  const problems: FieldProblem[] = [];
  const refuse = (field: string, problem: string) => problems.push({ field, problems: [problem] });
  let period: ReportingPeriod | undefined;
  try {
    period = parsePeriod(input.period);
  } catch (error) {
    refuse('period', (error as Error).message);
  }
  let scope: ReportScope | undefined;
  if (input.scope === 'all') {
    if (input.scopeCode !== undefined) refuse('scopeCode', 'A report of all countries takes no scopeCode');
    else scope = { kind: 'all', name: 'all countries' };
  } else if (input.scope === 'region') {
    if (input.scopeCode === undefined || !Regions.includes(input.scopeCode))
      refuse('scopeCode', `A regional report needs scopeCode, one of: ${Regions.join(', ')}`);
    else scope = { kind: 'region', code: input.scopeCode, name: input.scopeCode };
  } else if (input.scope === 'concerned_state') {
    if (input.scopeCode === undefined || !isKnownCountry(input.scopeCode))
      refuse('scopeCode', 'A report on one concerned State needs scopeCode, its upper-case ISO 3166-1 alpha-2 code');
    else scope = { kind: 'concerned_state', code: input.scopeCode, name: countryName(input.scopeCode) };
  } else {
    refuse('scope', `scope must be one of: ${ReportScopeKinds.join(', ')}`);
  }
  const language = input.language ?? 'en';
  if (!(ReportLanguages as readonly string[]).includes(language))
    refuse('language', `language must be one of: ${ReportLanguages.join(', ')}`);
  if (problems.length > 0 || !period || !scope)
    throw new MalformedInputError('The report request cannot be generated as it stands', problems);
  return { period, scope, language: language as ReportLanguage };
}
