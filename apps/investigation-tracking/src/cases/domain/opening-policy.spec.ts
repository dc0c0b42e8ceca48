import type { PersonnelHarmCount } from '#contracts';
import { DefaultOpeningPolicy, openingReason, parseOpeningHarms, type IncidentFacts } from './opening-policy.js';

function facts(overrides: Partial<IncidentFacts> = {}): IncidentFacts {
  return {
    incidentId: '01a226d8-0418-731e-a930-cef436a2f0ab',
    reference: 'INC-2025-000001',
    version: 2,
    status: 'verified',
    countryCode: 'SD',
    concernedStateCode: 'SD',
    occurredOn: '2025-03-14',
    confidentiality: 'restricted',
    reportingOrganisation: 'org-a',
    imported: false,
    personnel: [],
    assets: [],
    ...overrides,
  };
}

const harmed = (harm: PersonnelHarmCount['harm'], count = 1): PersonnelHarmCount[] => [{ harm, status: 'national', count }];

describe('openingReason under the default policy', () => {
  it.each([
    ['killed', facts({ personnel: harmed('killed') }), 'personnel killed'],
    ['kidnapped', facts({ personnel: harmed('kidnapped') }), 'personnel kidnapped'],
    ['detained', facts({ personnel: harmed('detained') }), 'personnel detained'],
    ['sexual violence', facts({ personnel: harmed('sexual_violence') }), 'personnel sexual violence'],
    [
      'UN premises destroyed',
      facts({ assets: [{ type: 'office_or_compound', un: true, damage: 'destroyed' }] }),
      'UN office or compound destroyed',
    ],
    [
      'a clinic destroyed',
      facts({ assets: [{ type: 'health_facility', un: false, damage: 'destroyed' }] }),
      'humanitarian health facility destroyed',
    ],
    ['only wounded', facts({ personnel: harmed('wounded') }), undefined],
    ['a count of zero killed', facts({ personnel: harmed('killed', 0) }), undefined],
    ['premises damaged, not destroyed', facts({ assets: [{ type: 'warehouse', un: false, damage: 'severe' }] }), undefined],
    ['a vehicle destroyed (not premises)', facts({ assets: [{ type: 'vehicle', un: false, damage: 'destroyed' }] }), undefined],
    ['killed but only reported, not verified', facts({ status: 'reported', personnel: harmed('killed') }), undefined],
    ['killed but rejected', facts({ status: 'rejected', personnel: harmed('killed') }), undefined],
    ['killed, imported history', facts({ imported: true, personnel: harmed('killed') }), undefined],
  ])('%s → %s', (_case, sut, expected) => {
    expect(openingReason(DefaultOpeningPolicy, sut)).toBe(expected);
  });

  it('follows a deployment that opens on wounded too and not on premises', () => {
    const policy = { harms: parseOpeningHarms('killed,wounded')!, destroyedPremises: false };
    expect(openingReason(policy, facts({ personnel: harmed('wounded') }))).toBe('personnel wounded');
    expect(openingReason(policy, facts({ assets: [{ type: 'school', un: false, damage: 'destroyed' }] }))).toBeUndefined();
  });
});

describe('parseOpeningHarms', () => {
  it.each([
    ['killed,kidnapped', ['killed', 'kidnapped']],
    [' killed , detained ', ['killed', 'detained']],
    ['none', []],
    ['killed,maimed', undefined],
    ['', undefined],
  ])('%j → %j', (text, expected) => {
    expect(parseOpeningHarms(text)).toEqual(expected);
  });
});
