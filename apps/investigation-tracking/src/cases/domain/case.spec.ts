import { CaseOpened } from '#contracts';
import { Case } from './case.js';

describe('Case.open', () => {
  it('opens at the first stage and records case.opened for the concerned State', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const sut = Case.open(
      {
        id: '01a226d8-0588-77c8-964d-a807bc0c8126',
        reference: 'CASE-2026-000001',
        incidentId: '01a226d8-0418-731e-a930-cef436a2f0ab',
        incidentReference: 'INC-2026-000001',
        countryCode: 'SD',
        concernedStateCode: 'TD',
      },
      now,
    );

    expect(sut.stage).toBe('opened');
    expect(sut.pullEvents()).toEqual([
      {
        contract: CaseOpened,
        aggregateId: sut.id,
        payload: {
          caseId: sut.id,
          reference: 'CASE-2026-000001',
          incidentId: '01a226d8-0418-731e-a930-cef436a2f0ab',
          concernedStateCode: 'TD',
          openedAt: '2026-11-29T12:00:00.000Z',
        },
      },
    ]);
  });
});
