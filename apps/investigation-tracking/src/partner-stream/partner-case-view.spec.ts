import { ConfidentialityLevels, PartnerCaseWithdrawn, type ConfidentialityLevel } from '#contracts';
import { contextAt, openCaseFacts, testId } from '../../../../test/factories/case.factory.js';
import { Case } from '../cases/domain/case.js';
import { partnerCaseEvents, partnerCaseView } from './partner-case-view.js';

const ctx = contextAt('2025-03-10T09:00:00Z');

function opened(level: ConfidentialityLevel): Case {
  const primaryIncident = { incidentId: testId(), incidentReference: 'INC-2025-000001', countryCode: 'SD', confidentiality: level };
  const sut = Case.open(openCaseFacts({ primaryIncident }), ctx);
  sut.pullEvents();
  return sut;
}

function linkIncident(sut: Case, level: ConfidentialityLevel): void {
  sut.linkIncident(
    { incidentId: testId(), incidentReference: 'INC-2025-000002', countryCode: 'SD', confidentiality: level },
    'related',
    undefined,
    'Same convoy',
    ctx,
  );
}

type Change = 'opened' | 'a public incident linked' | 'a State asked to investigate' | 'closed';

const changes: Record<Change, (sut: Case) => void> = {
  opened: () => undefined,
  'a public incident linked': (sut) => linkIncident(sut, 'public'),
  'a State asked to investigate': (sut) =>
    sut.requestInvestigation('SD', { requestedOn: '2025-03-10', channel: 'note_verbale', addresseeAuthority: 'Prosecutor General' }, ctx),
  closed: (sut) => sut.close({ outcome: 'other', reason: 'Merged elsewhere' }, ctx),
};

const expected: Record<ConfidentialityLevel, Record<Change, string>> = {
  public: {
    opened: 'published public',
    'a public incident linked': 'published public',
    'a State asked to investigate': 'published public',
    closed: 'published public',
  },
  restricted: {
    opened: 'published restricted',
    'a public incident linked': 'nothing',
    'a State asked to investigate': 'nothing',
    closed: 'nothing',
  },
  confidential: { opened: 'nothing', 'a public incident linked': 'nothing', 'a State asked to investigate': 'nothing', closed: 'nothing' },
};

function outcome(events: ReturnType<typeof partnerCaseEvents>): string {
  if (events.length === 0) return 'nothing';
  expect(events).toHaveLength(1);
  const [{ contract, payload }] = events;
  return contract === PartnerCaseWithdrawn ? 'withdrawn' : `published ${(payload as { disclosure: string }).disclosure}`;
}

describe('partnerCaseEvents', () => {
  const table = ConfidentialityLevels.flatMap((level) =>
    (Object.keys(changes) as Change[]).map((change) => [level, change, expected[level][change]] as const),
  );

  it.each(table)('a %s case, %s: %s', (level, change, result) => {
    const sut = opened(level);
    const before = change === 'opened' ? undefined : partnerCaseView(sut);
    changes[change](sut);
    const events = partnerCaseEvents(before, sut, ctx.now);
    expect(outcome(events)).toBe(result);
    expect(JSON.stringify(events)).not.toContain('org-a');
  });

  it.each<[ConfidentialityLevel, ConfidentialityLevel, string]>([
    ['public', 'restricted', 'published restricted'],
    ['public', 'confidential', 'withdrawn'],
    ['restricted', 'confidential', 'withdrawn'],
    ['confidential', 'public', 'nothing'],
  ])('a %s case that takes in a %s incident: %s', (level, linked, result) => {
    const sut = opened(level);
    const before = partnerCaseView(sut);
    linkIncident(sut, linked);
    expect(outcome(partnerCaseEvents(before, sut, ctx.now))).toBe(result);
  });

  it('publishes a case again when its confidential incident is lowered', () => {
    const sut = opened('public');
    const primary = sut.state.incidents[0].incidentId;
    sut.incidentConfidentialityChanged(primary, 'confidential', ctx);
    expect(partnerCaseView(sut)).toBeUndefined();
    sut.incidentConfidentialityChanged(primary, 'public', ctx);
    expect(outcome(partnerCaseEvents(undefined, sut, ctx.now))).toBe('published public');
  });

  it('shows a restricted case as its country and month of opening only', () => {
    const sut = opened('restricted');
    expect(partnerCaseView(sut)).toEqual({ caseId: sut.id, version: 1, disclosure: 'restricted', countryCode: 'SD', openedIn: '2025-03' });
  });

  it('shows a public case without organisation or free text, and withdraws it under its key', () => {
    const sut = opened('public');
    const before = partnerCaseView(sut);
    expect(before).toEqual({
      caseId: sut.id,
      version: 1,
      disclosure: 'public',
      countryCode: 'SD',
      openedIn: '2025-03',
      reference: 'CASE-2025-000001',
      stage: 'opened',
      concernedStateCodes: ['SD'],
      incidentIds: [sut.state.incidents[0].incidentId],
      openedAt: '2025-03-10T09:00:00.000Z',
      closedAt: undefined,
    });
    linkIncident(sut, 'confidential');
    expect(partnerCaseEvents(before, sut, ctx.now)).toEqual([
      {
        contract: PartnerCaseWithdrawn,
        aggregateId: sut.id,
        payload: { caseId: sut.id, version: sut.version, countryCode: 'SD', withdrawnAt: '2025-03-10T09:00:00.000Z' },
      },
    ]);
  });
});
