import { IncidentAmended, IncidentRejected, IncidentReported, IncidentVerified } from '#contracts';
import { ConflictError, InconsistentInputError } from '#domain';
import { incidentFacts, personnelCount } from '../../../../../test/factories/incident-facts.factory.js';
import { Incident } from './incident.js';

const clock = { now: () => new Date('2026-11-29T12:00:00Z') };
const later = { now: () => new Date('2026-11-30T08:00:00Z') };

function reported(details = {}) {
  const { incident } = Incident.report(incidentFacts({}, details), clock);
  incident.pullEvents();
  incident.pullChanges();
  return incident;
}

function problemsOf(attempt: () => unknown): string[] {
  try {
    attempt();
  } catch (error) {
    if (error instanceof InconsistentInputError)
      return (error.details ?? []).map((detail) => `${detail.field}: ${detail.problems.join('; ')}`);
    throw error;
  }
  throw new Error('expected an InconsistentInputError');
}

describe('Incident.report', () => {
  it('records incident.reported with ids, categories, counts and dates only', () => {
    const { incident: sut } = Incident.report(
      incidentFacts(
        {},
        {
          narrative: 'Two drivers were shot at the checkpoint',
          adminLevel1: 'Darfur',
          coordinates: { latitude: 13.1, longitude: 25.3, precision: 'exact' },
        },
      ),
      clock,
    );

    const [event] = sut.pullEvents();
    expect(event.contract).toBe(IncidentReported);
    expect(event.aggregateId).toBe(sut.id);
    expect(event.payload).toEqual({
      incidentId: sut.id,
      reference: 'INC-2026-000001',
      version: 1,
      status: 'reported',
      countryCode: 'SD',
      concernedStateCode: 'SD',
      occurredOn: '2026-03-14',
      occurredOnPrecision: 'day',
      locationType: 'road',
      meansOfAttack: 'shooting',
      attackContext: 'ambush',
      motive: undefined,
      perpetratorCategory: 'non_state_armed_group_national',
      personnel: [{ harm: 'killed', status: 'national', count: 2 }],
      affiliationBreakdown: undefined,
      genderBreakdown: undefined,
      assets: [],
      confidentiality: 'restricted',
      sourceVerification: undefined,
      externalReference: undefined,
      reportedAt: '2026-11-29T12:00:00.000Z',
      reportingOrganisation: 'org-a',
    });
    const wire = JSON.stringify(event.payload);
    for (const secret of ['officer-1', 'drivers', 'Darfur', '13.1', 'Focal point']) expect(wire).not.toContain(secret);
  });

  it('starts the history at version 1 with who reported it', () => {
    const { incident: sut } = Incident.report(incidentFacts(), clock);
    expect(sut.pullChanges()).toEqual([expect.objectContaining({ version: 1, change: 'reported', by: 'officer-1', at: clock.now() })]);
  });

  it.each([
    [undefined, 'SD'],
    ['TD', 'TD'],
  ])('takes concernedStateCode %s as %s', (given, expected) => {
    const { incident: sut } = Incident.report(incidentFacts({}, { concernedStateCode: given }), clock);
    expect(sut.state.details.concernedStateCode).toBe(expected);
  });

  it.each([
    [
      'a category counted twice',
      { personnel: [personnelCount(), personnelCount({ harm: 'killed' }), personnelCount()] },
      'personnel.2: repeats the category of personnel.0 (wounded/national/-/-); add the counts into one entry',
    ],
    [
      'a declared total that does not add up',
      { declaredTotals: { killed: 3 } },
      'declaredTotals.killed: is 3 but the personnel counts add up to 2',
    ],
    [
      'a national total that does not add up',
      { declaredTotals: { national: 1, affected: 2 } },
      'declaredTotals.national: is 1 but the personnel counts add up to 2',
    ],
    ['a date in the future', { occurredOn: '2026-12-01' }, 'occurredOn: the incident date is in the future'],
    [
      'a date finer than its precision',
      { occurredOn: '2026-03-14', occurredOnPrecision: 'month' as const },
      "occurredOn: with precision 'month' write YYYY-MM",
    ],
  ])('refuses %s, naming the field', (_case, details, problem) => {
    expect(problemsOf(() => Incident.report(incidentFacts({}, details), clock))).toContain(problem);
  });

  it('names every problem at once', () => {
    const problems = problemsOf(() =>
      Incident.report(incidentFacts({}, { occurredOn: '2027', occurredOnPrecision: 'year', declaredTotals: { wounded: 4 } }), clock),
    );
    expect(problems.map((problem) => problem.split(':')[0])).toEqual(['occurredOn', 'declaredTotals.wounded']);
  });

  it('keeps breakdowns that disagree with the harm counts, with a warning', () => {
    const { warnings } = Incident.report(
      incidentFacts({}, { affiliationBreakdown: { un: 1, national_ngo: 2 }, genderBreakdown: { male: 2 } }),
      clock,
    );
    expect(warnings).toEqual(['affiliationBreakdown adds up to 3 people, the harm counts to 2; kept as reported']);
  });
});

describe('Incident.amend', () => {
  it('replaces the given fields, bumps the version and records what changed and why', () => {
    const sut = reported();
    const { changedFields } = sut.amend(
      { meansOfAttack: 'shelling', narrative: 'Updated account' },
      'officer-2',
      'Field report received',
      later,
    );

    expect(changedFields).toEqual(['meansOfAttack', 'narrative']);
    expect(sut.version).toBe(2);
    expect(sut.pullChanges()).toEqual([
      expect.objectContaining({
        version: 2,
        change: 'amended',
        by: 'officer-2',
        reason: 'Field report received',
        changedFields: ['meansOfAttack', 'narrative'],
      }),
    ]);
    const [event] = sut.pullEvents();
    expect(event.contract).toBe(IncidentAmended);
    expect(event.payload).toMatchObject({
      version: 2,
      meansOfAttack: 'shelling',
      changedFields: ['meansOfAttack', 'narrative'],
      amendedAt: '2026-11-30T08:00:00.000Z',
    });
    expect(JSON.stringify(event.payload)).not.toContain('Updated account');
  });

  it('records nothing when nothing changes, whatever the key order', () => {
    const sut = reported();
    const { changedFields } = sut.amend({ personnel: [{ count: 2, status: 'national', harm: 'killed' }] }, 'officer-2', 'recheck', later);
    expect(changedFields).toEqual([]);
    expect(sut.version).toBe(1);
    expect(sut.pullEvents()).toEqual([]);
  });

  it('clears an optional field given as null and refuses to clear a required one', () => {
    const sut = reported({ motive: 'political' });
    sut.amend({ motive: null }, 'officer-2', 'motive unknown', later);
    expect(sut.state.details.motive).toBeUndefined();
    expect(problemsOf(() => sut.amend({ countryCode: null, meansOfAttack: null }, 'officer-2', 'oops', later))).toEqual([
      'countryCode: is required and cannot be null',
      'meansOfAttack: is required and cannot be null',
    ]);
  });

  it('moves the concerned State with the country while it followed it by default, not when it was set apart', () => {
    const following = reported();
    following.amend({ countryCode: 'TD' }, 'officer-2', 'wrong country', later);
    expect(following.state.details.concernedStateCode).toBe('TD');

    const apart = reported({ concernedStateCode: 'SS' });
    apart.amend({ countryCode: 'TD' }, 'officer-2', 'wrong country', later);
    expect(apart.state.details.concernedStateCode).toBe('SS');
  });

  it('checks the rules again on the amended incident', () => {
    expect(problemsOf(() => reported().amend({ declaredTotals: { killed: 5 } }, 'officer-2', 'totals', later))).toEqual([
      'declaredTotals.killed: is 5 but the personnel counts add up to 2',
    ]);
  });

  it('refuses to amend a rejected incident', () => {
    const sut = reported();
    sut.reject({ reason: 'not_credible', explanation: 'Single unverifiable source' }, 'officer-2', later);
    expect(() => sut.amend({ motive: 'economic' }, 'officer-2', 'late', later)).toThrow(ConflictError);
  });
});

describe('Incident status transitions', () => {
  it('verifies a reported incident once', () => {
    const sut = reported();
    sut.verify('officer-2', later);
    expect(sut.state.status).toBe('verified');
    expect(sut.pullEvents()).toEqual([
      {
        contract: IncidentVerified,
        aggregateId: sut.id,
        payload: { incidentId: sut.id, reference: 'INC-2026-000001', version: 2, verifiedAt: '2026-11-30T08:00:00.000Z' },
      },
    ]);
    expect(() => sut.verify('officer-2', later)).toThrow(ConflictError);
  });

  it('rejects a duplicate naming the incident it duplicates; the explanation stays out of the event', () => {
    const sut = reported();
    sut.reject(
      {
        reason: 'duplicate',
        explanation: 'Same convoy attack as INC-2026-000007',
        duplicateOfIncidentId: '01a226d8-0000-7000-8000-000000000007',
      },
      'officer-2',
      later,
    );
    const [event] = sut.pullEvents();
    expect(event.contract).toBe(IncidentRejected);
    expect(event.payload).toEqual({
      incidentId: sut.id,
      reference: 'INC-2026-000001',
      version: 2,
      reason: 'duplicate',
      duplicateOfIncidentId: '01a226d8-0000-7000-8000-000000000007',
      rejectedAt: '2026-11-30T08:00:00.000Z',
    });
    expect(sut.pullChanges()[0]).toMatchObject({ change: 'rejected', reason: 'Same convoy attack as INC-2026-000007' });
  });

  it.each([
    [{ reason: 'duplicate' as const, explanation: 'dup' }, 'duplicateOfIncidentId: is required when reason is duplicate'],
    [
      { reason: 'not_credible' as const, explanation: 'no', duplicateOfIncidentId: '01a226d8-0000-7000-8000-000000000007' },
      'duplicateOfIncidentId: is only allowed when reason is duplicate',
    ],
    [
      { reason: 'duplicate' as const, explanation: 'self', duplicateOfIncidentId: '01a226d8-0418-731e-a930-cef436a2f0ab' },
      'duplicateOfIncidentId: names this incident',
    ],
  ])('refuses an inconsistent rejection %j', (rejection, problem) => {
    expect(problemsOf(() => reported().reject(rejection, 'officer-2', later))).toEqual([problem]);
  });

  it('refuses to reject twice and to verify a rejected incident', () => {
    const sut = reported();
    sut.reject({ reason: 'not_credible', explanation: 'no' }, 'officer-2', later);
    expect(() => sut.reject({ reason: 'not_credible', explanation: 'again' }, 'officer-2', later)).toThrow(ConflictError);
    expect(() => sut.verify('officer-2', later)).toThrow(ConflictError);
  });
});
