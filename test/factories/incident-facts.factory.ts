import type { PersonnelHarmCount } from '#contracts';
import type { IncidentDetails } from '../../apps/incident-intake/src/incidents/domain/incident-details.js';
import type { ReportIncidentFacts } from '../../apps/incident-intake/src/incidents/domain/incident.js';

export function incidentDetails(overrides: Partial<IncidentDetails> = {}): IncidentDetails {
  return {
    occurredOn: '2026-03-14',
    occurredOnPrecision: 'day',
    countryCode: 'SD',
    locationType: 'road',
    meansOfAttack: 'shooting',
    attackContext: 'ambush',
    personnel: [personnelCount({ harm: 'killed', status: 'national', count: 2 })],
    assets: [],
    perpetratorCategory: 'non_state_armed_group_national',
    sources: [{ name: 'Focal point', reliability: 'probably_true' }],
    confidentiality: 'restricted',
    ...overrides,
  };
}

export function incidentFacts(overrides: Partial<ReportIncidentFacts> = {}, details: Partial<IncidentDetails> = {}): ReportIncidentFacts {
  return {
    id: '01a226d8-0418-731e-a930-cef436a2f0ab',
    reference: 'INC-2026-000001',
    details: incidentDetails(details),
    reportedBy: 'officer-1',
    reportingOrganisation: 'org-a',
    ...overrides,
  };
}

export function personnelCount(overrides: Partial<PersonnelHarmCount> = {}): PersonnelHarmCount {
  return { harm: 'wounded', status: 'national', count: 1, ...overrides };
}

/** A body for POST /incidents. */
export function reportIncidentBody(overrides: Record<string, unknown> = {}) {
  return {
    countryCode: 'SD',
    occurredOn: '2026-03-14',
    occurredOnPrecision: 'day',
    locationType: 'road',
    meansOfAttack: 'shooting',
    attackContext: 'ambush',
    perpetratorCategory: 'non_state_armed_group_national',
    personnel: [
      { harm: 'killed', status: 'national', count: 2 },
      { harm: 'wounded', status: 'international', count: 1 },
      { harm: 'kidnapped', status: 'national', count: 3 },
    ],
    assets: [{ type: 'vehicle', un: false, damage: 'destroyed' }],
    sources: [{ name: 'Focal point', reliability: 'probably_true' }],
    confidentiality: 'restricted',
    ...overrides,
  };
}
