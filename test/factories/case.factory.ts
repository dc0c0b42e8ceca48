import { v7 as uuidv7 } from 'uuid';
import { Case, type OpenCaseFacts, type TransitionContext } from '../../apps/investigation-tracking/src/cases/domain/case.js';
import { DefaultReportingPolicy } from '../../apps/investigation-tracking/src/cases/domain/reporting-calendar.js';

/** Fresh time-ordered ids, unique across test files that share the test database. */
export function testId(): string {
  return uuidv7();
}

/** A transition context at a fixed instant, by one officer. */
export function contextAt(instant: string, by = 'officer-a'): TransitionContext {
  return { by, now: new Date(instant), newId: testId };
}

export function openCaseFacts(overrides: Partial<OpenCaseFacts> = {}): OpenCaseFacts {
  return {
    id: testId(),
    reference: 'CASE-2025-000001',
    owningOrganisation: 'org-a',
    openedBecause: 'officer',
    primaryIncident: { incidentId: testId(), incidentReference: 'INC-2025-000001', countryCode: 'SD', confidentiality: 'restricted' },
    concernedStateCode: 'SD',
    reportingPolicy: DefaultReportingPolicy,
    ...overrides,
  };
}

/** A case opened on `instant` whose concerned State SD was asked to investigate on `requestedOn`. */
export function requestedCase(instant: string, requestedOn: string): Case {
  const sut = Case.open(openCaseFacts(), contextAt(instant));
  sut.requestInvestigation(
    'SD',
    { requestedOn, channel: 'note_verbale', addresseeAuthority: 'Office of the Prosecutor General' },
    contextAt(instant),
  );
  sut.pullEvents();
  sut.pullTimeline();
  return sut;
}
