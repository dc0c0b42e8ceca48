import type { PersonnelHarmCount } from '#contracts';
import type { ReportIncidentFacts } from '../../apps/incident-intake/src/incidents/domain/incident.js';

export function incidentFacts(overrides: Partial<ReportIncidentFacts> = {}): ReportIncidentFacts {
  return {
    id: '01a226d8-0418-731e-a930-cef436a2f0ab',
    reference: 'INC-2026-000001',
    countryCode: 'SD',
    occurredOn: '2026-03-14',
    occurredOnPrecision: 'day',
    personnel: [personnelCount({ harm: 'killed', status: 'national', count: 2 })],
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
    personnel: [
      { harm: 'killed', status: 'national', count: 2 },
      { harm: 'wounded', status: 'international', count: 1 },
      { harm: 'kidnapped', status: 'national', count: 3 },
    ],
    ...overrides,
  };
}
