import { MalformedInputError } from '#domain';
import { reportRequestOf, type ReportRequestInput } from './report-request.js';

describe('reportRequestOf', () => {
  it.each<{ input: ReportRequestInput; period: object; scope: object }>([
    { input: { period: '2023', scope: 'all' }, period: { kind: 'year', from: '2023-01-01', to: '2023-12-31' }, scope: { kind: 'all' } },
    {
      input: { period: '2024H1', scope: 'region', scopeCode: 'Eastern Africa' },
      period: { kind: 'half', from: '2024-01-01', to: '2024-06-30' },
      scope: { kind: 'region', code: 'Eastern Africa', name: 'Eastern Africa' },
    },
    {
      input: { period: '2023+H1', scope: 'concerned_state', scopeCode: 'SD', language: 'en' },
      period: { kind: 'year_and_half', from: '2023-01-01', to: '2024-06-30' },
      scope: { kind: 'concerned_state', code: 'SD', name: 'Sudan' },
    },
  ])('accepts $input', ({ input, period, scope }) => {
    const sut = reportRequestOf(input);
    expect(sut.period).toMatchObject(period);
    expect(sut.scope).toMatchObject(scope);
    expect(sut.language).toBe('en');
  });

  it.each<{ input: ReportRequestInput; fields: string[] }>([
    { input: { period: '2023H3', scope: 'all' }, fields: ['period'] },
    { input: { period: '2023', scope: 'everywhere' }, fields: ['scope'] },
    { input: { period: '2023', scope: 'region' }, fields: ['scopeCode'] },
    { input: { period: '2023', scope: 'region', scopeCode: 'Atlantis' }, fields: ['scopeCode'] },
    { input: { period: '2023', scope: 'concerned_state', scopeCode: 'QQ' }, fields: ['scopeCode'] },
    { input: { period: '2023', scope: 'all', scopeCode: 'SD' }, fields: ['scopeCode'] },
    { input: { period: '2023', scope: 'all', language: 'fr' }, fields: ['language'] },
    { input: { period: 'soon', scope: 'nowhere', language: 'xx' }, fields: ['period', 'scope', 'language'] },
  ])('refuses $input naming $fields', ({ input, fields }) => {
    try {
      reportRequestOf(input);
      throw new Error('accepted');
    } catch (error) {
      expect(error).toBeInstanceOf(MalformedInputError);
      expect((error as MalformedInputError).details!.map((detail) => detail.field)).toEqual(fields);
    }
  });
});
