import {
  ConfidentialityLevels,
  OrganisationTypes,
  PartnerIncidentPublished,
  PartnerIncidentWithdrawn,
  type ConfidentialityLevel,
  type IncidentSnapshotV1,
  type OrganisationType,
} from '#contracts';
import { incidentFacts } from '../../../../test/factories/incident-facts.factory.js';
import { Incident } from '../incidents/domain/incident.js';
import { OrganisationTypeDirectory, OrganisationTypesPattern } from './organisation-types.js';
import { partnerIncidentEvents } from './partner-incident-view.js';

const clock = { now: () => new Date('2026-11-29T12:00:00Z') };
const now = new Date('2026-11-30T08:00:00Z');

function snapshot(confidentiality: ConfidentialityLevel, changes: Partial<IncidentSnapshotV1> = {}): IncidentSnapshotV1 {
  const { incident } = Incident.report(incidentFacts({}, { confidentiality, motive: 'political', occurredOn: '2026-03-14' }), clock);
  return { ...incident.snapshot(), ...changes };
}

type Change = 'reported' | 'amended where partners see' | 'amended where restricted hides' | 'verified' | 'rejected';

/** The state after each change, from the same confidentiality before. */
const changes: Record<Change, (level: ConfidentialityLevel) => [IncidentSnapshotV1 | undefined, IncidentSnapshotV1]> = {
  reported: (level) => [undefined, snapshot(level)],
  'amended where partners see': (level) => [snapshot(level), snapshot(level, { version: 2, countryCode: 'KE' })],
  'amended where restricted hides': (level) => [snapshot(level), snapshot(level, { version: 2, motive: 'economic' })],
  verified: (level) => [snapshot(level), snapshot(level, { version: 2, status: 'verified' })],
  rejected: (level) => [snapshot(level), snapshot(level, { version: 2, status: 'rejected' })],
};

const expected: Record<ConfidentialityLevel, Record<Change, string>> = {
  public: {
    reported: 'published public',
    'amended where partners see': 'published public',
    'amended where restricted hides': 'published public',
    verified: 'published public',
    rejected: 'withdrawn rejected',
  },
  restricted: {
    reported: 'published restricted',
    'amended where partners see': 'published restricted',
    'amended where restricted hides': 'nothing',
    verified: 'nothing',
    rejected: 'withdrawn rejected',
  },
  confidential: {
    reported: 'nothing',
    'amended where partners see': 'nothing',
    'amended where restricted hides': 'nothing',
    verified: 'nothing',
    rejected: 'nothing',
  },
};

function outcome(events: ReturnType<typeof partnerIncidentEvents>): string {
  if (events.length === 0) return 'nothing';
  expect(events).toHaveLength(1);
  const [{ contract, payload }] = events;
  if (contract === PartnerIncidentWithdrawn) return `withdrawn ${(payload as { cause: string }).cause}`;
  return `published ${(payload as { disclosure: string }).disclosure}`;
}

describe('partnerIncidentEvents', () => {
  const table = ConfidentialityLevels.flatMap((level) =>
    (Object.keys(changes) as Change[]).flatMap((change) =>
      OrganisationTypes.map((type) => [level, change, type, expected[level][change]] as const),
    ),
  );

  it.each(table)('a %s incident %s, reported by a %s organisation: %s', (level, change, type, result) => {
    const [before, after] = changes[change](level);
    const sut = partnerIncidentEvents(before, after, type, now);
    expect(outcome(sut)).toBe(result);
    for (const event of sut) expect(event.aggregateId).toBe(after.incidentId);
    const published = sut.find((event) => event.contract === PartnerIncidentPublished)?.payload;
    if (published && result === 'published public') expect(published).toMatchObject({ reportingOrganisationType: type });
    expect(JSON.stringify(sut)).not.toContain(after.reportingOrganisation);
  });

  const levelChanges: [ConfidentialityLevel, ConfidentialityLevel, string][] = [
    ['public', 'restricted', 'published restricted'],
    ['restricted', 'public', 'published public'],
    ['public', 'confidential', 'withdrawn withheld'],
    ['restricted', 'confidential', 'withdrawn withheld'],
    ['confidential', 'restricted', 'published restricted'],
    ['confidential', 'public', 'published public'],
  ];

  it.each(levelChanges)('an incident moved from %s to %s: %s', (from, to, result) => {
    const sut = partnerIncidentEvents(snapshot(from), snapshot(to, { version: 2 }), 'ingo', now);
    expect(outcome(sut)).toBe(result);
  });

  it('shows a restricted incident as its country and month only', () => {
    const [event] = partnerIncidentEvents(undefined, snapshot('restricted'), 'un', now);
    expect(event.payload).toEqual({
      incidentId: '01a226d8-0418-731e-a930-cef436a2f0ab',
      version: 1,
      disclosure: 'restricted',
      countryCode: 'SD',
      occurredIn: '2026-03',
    });
  });

  it('keeps the key and the country it published when it withdraws', () => {
    const [event] = partnerIncidentEvents(snapshot('public'), snapshot('confidential', { version: 3, countryCode: 'UG' }), 'nngo', now);
    expect(event).toEqual({
      contract: PartnerIncidentWithdrawn,
      aggregateId: '01a226d8-0418-731e-a930-cef436a2f0ab',
      payload: {
        incidentId: '01a226d8-0418-731e-a930-cef436a2f0ab',
        version: 3,
        countryCode: 'SD',
        cause: 'withheld',
        withdrawnAt: '2026-11-30T08:00:00.000Z',
      },
    });
  });

  it('gives a year-precision incident its year for a month', () => {
    const [event] = partnerIncidentEvents(
      undefined,
      snapshot('restricted', { occurredOn: '2025', occurredOnPrecision: 'year' }),
      'un',
      now,
    );
    expect(event.payload).toMatchObject({ occurredIn: '2025' });
  });
});

describe('OrganisationTypeDirectory', () => {
  it.each<[string | undefined, string, OrganisationType]>([
    ['org-ocha=un,org-msf=ingo', 'org-ocha', 'un'],
    ['org-ocha=un,org-msf=ingo', 'org-msf', 'ingo'],
    ['org-ocha=un,org-srcs=red_cross_red_crescent', 'org-srcs', 'red_cross_red_crescent'],
    ['org-ocha=un', 'org-unlisted', 'other'],
    [undefined, 'org-ocha', 'other'],
  ])('in %s, %s is %s', (listing, organisation, type) => {
    expect(OrganisationTypeDirectory.parse(listing).typeOf(organisation)).toBe(type);
  });

  it.each(['org-a=un,', 'org-a', 'org-a=charity', 'org a=un', '=un'])('refuses the listing %s', (listing) => {
    expect(OrganisationTypesPattern.test(listing)).toBe(false);
  });
});
