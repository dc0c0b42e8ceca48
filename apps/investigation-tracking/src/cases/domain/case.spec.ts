import { InvestigationStandards, type StandardRating } from '#contracts';
import { ConflictError, ForbiddenError, InconsistentInputError } from '#domain';
import { contextAt, openCaseFacts, requestedCase, testId } from '../../../../../test/factories/case.factory.js';
import { attentionReasons } from './attention.js';
import type { NewAssessment } from './case-records.js';
import { Case } from './case.js';

const types = (sut: Case) => sut.pullEvents().map((event) => event.contract.type.replace('accountability.case.', ''));

function assessment(
  ratings: Partial<Record<(typeof InvestigationStandards)[number], StandardRating>> = {},
  assessedOn = '2025-06-01',
): NewAssessment {
  return {
    assessedOn,
    judicialSystem: 'functioning',
    ratings: InvestigationStandards.map((standard) => ({
      standard,
      rating: ratings[standard] ?? 'met',
      criteria: [],
      evidenceItemIds: [],
    })),
  };
}

const report = (receivedOn: string) => ({
  receivedOn,
  investigatingAuthority: 'Military Prosecutor',
  investigationStatus: 'active' as const,
  suspectsIdentified: 2,
  preventionMeasuresReported: false,
  familiesInformed: true,
});

describe('Case.open', () => {
  it('opens at the first stage with its concerned State, one timeline entry and case.opened', () => {
    const facts = openCaseFacts({ concernedStateCode: 'TD', openedBecause: 'opening_policy' });
    const sut = Case.open(facts, contextAt('2025-03-01T10:00:00Z', 'system'));

    expect(sut.stage).toBe('opened');
    expect(sut.state.concernedStates.map((track) => track.stateCode)).toEqual(['TD']);
    expect(sut.pullTimeline()).toEqual([expect.objectContaining({ sequence: 1, version: 1, action: 'open', by: 'system' })]);
    expect(sut.pullEvents()).toEqual([
      expect.objectContaining({
        aggregateId: facts.id,
        payload: expect.objectContaining({
          caseId: facts.id,
          incidentId: facts.primaryIncident.incidentId,
          concernedStateCode: 'TD',
          owningOrganisation: 'org-a',
          confidentiality: 'restricted',
          openedBecause: 'opening_policy',
          version: 1,
        }),
      }),
    ]);
  });
});

describe('the request and its calendar (6.1)', () => {
  it('schedules acknowledgement and first report from the request date', () => {
    const sut = Case.open(openCaseFacts(), contextAt('2025-03-01T10:00:00Z'));
    sut.pullEvents();
    sut.requestInvestigation(
      'SD',
      { requestedOn: '2025-03-02', channel: 'note_verbale', addresseeAuthority: 'Prosecutor General' },
      contextAt('2025-03-02T09:00:00Z'),
    );

    expect(sut.stage).toBe('state_requested');
    expect(sut.nextDue()).toMatchObject({ kind: 'acknowledgement', dueOn: '2025-04-01', concernedStateCode: 'SD' });
    expect(sut.pullEvents()[0].payload).toMatchObject({ acknowledgementDueOn: '2025-04-01', firstReportDueOn: '2025-05-31', version: 2 });
  });

  it('refuses a request dated in the future', () => {
    const sut = Case.open(openCaseFacts(), contextAt('2025-03-01T10:00:00Z'));
    expect(() =>
      sut.requestInvestigation(
        'SD',
        { requestedOn: '2025-03-02', channel: 'letter', addresseeAuthority: 'Ministry of Justice' },
        contextAt('2025-03-01T23:00:00Z'),
      ),
    ).toThrow(InconsistentInputError);
  });

  it('records a late acknowledgement with its days late', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    sut.acknowledge('SD', '2025-04-05', contextAt('2025-04-05T10:00:00Z'));
    expect(sut.pullEvents()[0].payload).toMatchObject({ acknowledgedOn: '2025-04-05', daysLate: 5 });
    expect(sut.pullTimeline()[0].summary).toBe('SD acknowledged the request on 2025-04-05, 5 days late');
    expect(sut.stage).toBe('state_acknowledged');
  });

  it('schedules the next report from each progress report', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    sut.reportProgress('SD', report('2025-05-01'), contextAt('2025-05-01T10:00:00Z'));
    expect(sut.pullEvents()[0].payload).toMatchObject({ daysLate: 0, nextReportDueOn: '2025-10-28', suspectsIdentified: 2 });
    expect(sut.stage).toBe('state_reporting');
  });

  it('an overridden policy moves the open due dates', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    sut.overrideReportingPolicy(
      { acknowledgementDays: 10, firstReportDays: 45, reportIntervalDays: 90 },
      'Agreed with the mission',
      contextAt('2025-03-02T10:00:00Z'),
    );
    expect(sut.nextDue()).toMatchObject({ kind: 'acknowledgement', dueOn: '2025-03-11' });
  });
});

describe('overdue (one event per missed date)', () => {
  it('announces each missed date once, however often the scheduler asks', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    const dueIds = sut.state.concernedStates[0].dueDates.map((due) => due.id);

    // Due on 31 March: still on time that day, missed from 1 April.
    expect(sut.markOverdue(dueIds, '2025-03-31', contextAt('2025-03-31T23:00:00Z', 'system'))).toBe(0);
    expect(sut.markOverdue(dueIds, '2025-04-01', contextAt('2025-04-01T00:00:00Z', 'system'))).toBe(1);
    expect(sut.markOverdue(dueIds, '2025-04-02', contextAt('2025-04-02T00:00:00Z', 'system'))).toBe(0);
    expect(sut.markOverdue(dueIds, '2025-05-31', contextAt('2025-05-31T00:00:00Z', 'system'))).toBe(1);
    expect(sut.pullEvents().map((event) => event.payload)).toEqual([
      expect.objectContaining({ dueKind: 'acknowledgement', dueOn: '2025-03-31', detectedOn: '2025-04-01' }),
      expect.objectContaining({ dueKind: 'progress_report', dueOn: '2025-05-30', detectedOn: '2025-05-31' }),
    ]);
  });

  it('a closed case announces nothing, and closing cancels its due dates', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    sut.close({ outcome: 'other', reason: 'The incident was found to be a road accident' }, contextAt('2025-03-05T10:00:00Z'));
    const dueIds = sut.state.concernedStates[0].dueDates.map((due) => due.id);
    expect(sut.markOverdue(dueIds, '2026-01-01', contextAt('2026-01-01T00:00:00Z', 'system'))).toBe(0);
    expect(sut.nextDue()).toBeUndefined();
  });

  it('reopening resumes the reporting calendar', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    sut.close({ outcome: 'other', reason: 'Closed in error' }, contextAt('2025-03-05T10:00:00Z'));
    sut.reopen('Closed in error', contextAt('2025-03-06T10:00:00Z'));
    expect(sut.nextDue()).toMatchObject({ kind: 'progress_report', dueOn: '2025-09-02' });
    expect(types(sut)).toEqual(['closed.v1', 'reopened.v1']);
  });
});

describe('assessment, indicators, determination, referral (6.1, 6.2)', () => {
  it('refuses an assessment that does not rate the six standards once each', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    const partial = { ...assessment(), ratings: assessment().ratings.slice(1) };
    expect(() => sut.assess('SD', partial, 60, contextAt('2025-06-01T10:00:00Z'))).toThrow('each of the six standards');
  });

  it('refuses evidence relied on that is not in the register', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    const withEvidence = assessment();
    withEvidence.ratings[0].evidenceItemIds = [testId()];
    expect(() => sut.assess('SD', withEvidence, 60, contextAt('2025-06-01T10:00:00Z'))).toThrow(InconsistentInputError);
  });

  it('derives the indicators after an assessment and keeps the superseded one', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    sut.assess('SD', assessment({}, '2025-04-01'), 60, contextAt('2025-04-01T10:00:00Z'));
    const second = sut.assess('SD', assessment({ independent: 'not_met', prompt: 'not_met' }), 60, contextAt('2025-06-01T10:00:00Z'));

    expect(second.indicators).toEqual(['unjustified_delay', 'lack_of_independence_or_impartiality']);
    expect(sut.state.concernedStates[0].assessments).toHaveLength(2);
    expect(sut.indicators('2025-06-01', 60).SD.map((indicator) => indicator.kind)).toEqual(second.indicators);
  });

  it.each([
    ['unwilling', ['judicial_collapse'], 'unwillingness rests on'],
    ['unable', ['unjustified_delay'], 'inability rests on'],
    ['unable_and_unwilling', ['shielding'], 'inability rests on'],
  ] as const)('refuses a finding of %s on grounds %j', (finding, grounds, message) => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    expect(() =>
      sut.determine('SD', { finding, grounds: [...grounds], justification: 'x'.repeat(30) }, true, contextAt('2025-06-01T10:00:00Z')),
    ).toThrow(message);
  });

  it('four-eyes: the proposer cannot approve; another officer can; then the case can be referred', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    const proposal = {
      finding: 'unwilling' as const,
      grounds: ['unjustified_delay' as const],
      justification: 'No answer to three reminders in a year',
    };
    sut.determine('SD', proposal, true, contextAt('2025-06-01T10:00:00Z', 'officer-a'));
    expect(sut.stage).toBe('determination_pending');
    expect(() =>
      sut.refer('SD', { mechanism: 'international_criminal_court', referredOn: '2025-06-02' }, contextAt('2025-06-02T10:00:00Z')),
    ).toThrow(ConflictError);
    expect(() => sut.approveDetermination('SD', contextAt('2025-06-02T10:00:00Z', 'officer-a'))).toThrow(ForbiddenError);

    sut.approveDetermination('SD', contextAt('2025-06-02T10:00:00Z', 'officer-b'));
    const referral = sut.refer(
      'SD',
      { mechanism: 'international_criminal_court', referredOn: '2025-06-03' },
      contextAt('2025-06-03T10:00:00Z'),
    );
    sut.updateReferral(referral.id, { status: 'under_preliminary_examination', on: '2025-07-01' }, contextAt('2025-07-01T10:00:00Z'));

    expect(sut.stage).toBe('referred');
    expect(types(sut).slice(-4)).toEqual([
      'determination-proposed.v1',
      'determined-unable-unwilling.v1',
      'referred.v1',
      'referral-updated.v1',
    ]);
    expect(sut.state.concernedStates[0].determination).toMatchObject({
      status: 'effective',
      decidedBy: 'officer-a',
      approvedBy: 'officer-b',
    });
    expect(sut.pullTimeline().map((entry) => entry.summary)).toContain('Referred to the International Criminal Court on 2025-06-03');
  });

  it('without four-eyes a determination is effective at once', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    sut.determine(
      'SD',
      { finding: 'unable', grounds: ['judicial_collapse'], justification: 'Courts closed since the offensive' },
      false,
      contextAt('2025-06-01T10:00:00Z'),
    );
    expect(sut.stage).toBe('determined_unable_unwilling');
  });
});

describe('incidents of a case', () => {
  it('links a duplicate of an incident in the case and refuses one of an incident outside it', () => {
    const sut = Case.open(openCaseFacts(), contextAt('2025-03-01T10:00:00Z'));
    sut.pullEvents();
    const primary = sut.state.incidents[0].incidentId;
    const other = { incidentId: testId(), incidentReference: 'INC-2025-000002', countryCode: 'SD', confidentiality: 'public' as const };
    expect(() => sut.linkIncident(other, 'duplicate', testId(), 'Same convoy', contextAt('2025-03-02T10:00:00Z'))).toThrow(
      InconsistentInputError,
    );

    sut.linkIncident(other, 'duplicate', primary, 'Same convoy reported by the cluster', contextAt('2025-03-02T10:00:00Z'));
    expect(sut.pullEvents()[0].payload).toMatchObject({
      incidentId: other.incidentId,
      linkKind: 'duplicate',
      duplicateOfIncidentId: primary,
    });
    expect(() => sut.linkIncident(other, 'related', undefined, 'again', contextAt('2025-03-02T10:00:00Z'))).toThrow(ConflictError);
    expect(() => sut.unlinkIncident(primary, 'not needed', contextAt('2025-03-03T10:00:00Z'))).toThrow(InconsistentInputError);
  });

  it('takes the most restrictive confidentiality of its incidents', () => {
    const sut = Case.open(openCaseFacts(), contextAt('2025-03-01T10:00:00Z'));
    sut.pullEvents();
    const secret = {
      incidentId: testId(),
      incidentReference: 'INC-2025-000003',
      countryCode: 'SD',
      confidentiality: 'confidential' as const,
    };
    sut.linkIncident(secret, 'related', undefined, 'Same perpetrators', contextAt('2025-03-02T10:00:00Z'));
    expect(sut.state.confidentiality).toBe('confidential');
    sut.incidentConfidentialityChanged(secret.incidentId, 'public', contextAt('2025-03-03T10:00:00Z'));
    expect(sut.state.confidentiality).toBe('restricted');
    expect(types(sut)).toEqual(['incident-linked.v1', 'confidentiality-changed.v1', 'confidentiality-changed.v1']);
  });

  it('a rejected incident flags the case once', () => {
    const sut = Case.open(openCaseFacts(), contextAt('2025-03-01T10:00:00Z'));
    sut.pullEvents();
    const primary = sut.state.incidents[0].incidentId;
    sut.flagForReview(primary, contextAt('2025-03-02T10:00:00Z', 'system'));
    sut.flagForReview(primary, contextAt('2025-03-03T10:00:00Z', 'system'));
    expect(types(sut)).toEqual(['flagged-for-review.v1']);
  });
});

describe('evidence register', () => {
  const hash = 'a'.repeat(64);

  it('keeps the chain of custody and flags a copy whose hash differs', () => {
    const sut = Case.open(openCaseFacts(), contextAt('2025-03-01T10:00:00Z'));
    const item = sut.registerEvidence(
      { category: 'forensic_report', sha256: hash, receivedFrom: 'WHO', receivedOn: '2025-03-02', holder: 'Mission evidence unit' },
      contextAt('2025-03-02T10:00:00Z'),
    );
    sut.transferEvidence(
      item.id,
      { to: 'Prosecutor General', on: '2025-03-05', reason: 'For the domestic trial' },
      contextAt('2025-03-05T10:00:00Z'),
    );
    expect(sut.checkEvidence(item.id, hash, contextAt('2025-03-06T10:00:00Z'))).toBe(true);
    expect(sut.checkEvidence(item.id, 'b'.repeat(64), contextAt('2025-03-07T10:00:00Z'))).toBe(false);

    expect(sut.state.evidence[0]).toMatchObject({
      holder: 'Prosecutor General',
      integrityIntact: false,
      custody: [{ from: 'Mission evidence unit', to: 'Prosecutor General', on: '2025-03-05' }],
    });
  });

  it('refuses a transfer to the current holder or before the previous link', () => {
    const sut = Case.open(openCaseFacts(), contextAt('2025-03-01T10:00:00Z'));
    const item = sut.registerEvidence(
      { category: 'photo', sha256: hash, receivedFrom: 'OCHA', receivedOn: '2025-03-02', holder: 'Unit A' },
      contextAt('2025-03-02T10:00:00Z'),
    );
    expect(() =>
      sut.transferEvidence(item.id, { to: 'Unit A', on: '2025-03-03', reason: 'moved' }, contextAt('2025-03-03T10:00:00Z')),
    ).toThrow(InconsistentInputError);
    expect(() =>
      sut.transferEvidence(item.id, { to: 'Unit B', on: '2025-03-01', reason: 'moved' }, contextAt('2025-03-03T10:00:00Z')),
    ).toThrow(InconsistentInputError);
  });
});

describe('prosecution (6.3)', () => {
  it.each([
    [{ trialStatus: 'at_trial' as const, verdict: 'convicted' as const }, 'verdict'],
    [{ trialStatus: 'final' as const, verdict: 'acquitted' as const, sentence: 'fine' as const }, 'sentence'],
  ])('refuses %j', (update, field) => {
    const sut = Case.open(openCaseFacts(), contextAt('2025-03-01T10:00:00Z'));
    const base = {
      concernedStateCode: 'SD',
      court: 'Military court',
      accusedCount: 2,
      charges: ['murder' as const],
      appeal: 'none' as const,
      statusOn: '2025-03-02',
    };
    expect(() => sut.recordProsecution({ ...base, ...update }, contextAt('2025-03-02T10:00:00Z'))).toThrow(
      expect.objectContaining({ details: [expect.objectContaining({ field })] }),
    );
  });
});

describe('attentionReasons', () => {
  const thresholds = { overdueDays: 30, referralStaleDays: 180, noRequestDays: 30 };

  it.each([
    ['no request 31 days after opening', '2025-04-01', () => Case.open(openCaseFacts(), contextAt('2025-03-01T10:00:00Z')), ['no_request']],
    ['no request 30 days after opening', '2025-03-31', () => Case.open(openCaseFacts(), contextAt('2025-03-01T10:00:00Z')), []],
    ['acknowledgement 31 days overdue', '2025-05-01', () => requestedCase('2025-03-01T10:00:00Z', '2025-03-01'), ['report_overdue']],
    ['acknowledgement 30 days overdue', '2025-04-30', () => requestedCase('2025-03-01T10:00:00Z', '2025-03-01'), []],
  ] as const)('%s (on %s)', (_case, today, build, expected) => {
    expect(attentionReasons(build(), today, thresholds).map((reason) => reason.kind)).toEqual(expected);
  });

  it('names a determination not referred and a referral left without news', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    sut.acknowledge('SD', '2025-03-10', contextAt('2025-03-10T10:00:00Z'));
    sut.determine(
      'SD',
      { finding: 'unable', grounds: ['judicial_collapse'], justification: 'Courts closed since the offensive' },
      false,
      contextAt('2025-03-20T10:00:00Z'),
    );
    expect(attentionReasons(sut, '2025-03-21', thresholds).map((reason) => reason.kind)).toEqual(['determined_not_referred']);
    sut.refer('SD', { mechanism: 'commission_of_inquiry', referredOn: '2025-03-21' }, contextAt('2025-03-21T10:00:00Z'));
    sut.reportProgress('SD', report('2025-03-22'), contextAt('2025-03-22T10:00:00Z'));
    expect(attentionReasons(sut, '2025-09-17', thresholds)).toEqual([]);
    expect(attentionReasons(sut, '2025-09-18', thresholds)).toEqual([
      expect.objectContaining({ kind: 'referral_stale', concernedStateCode: 'SD', detail: expect.stringContaining('181 days') }),
    ]);
  });

  it('a closed case needs no attention', () => {
    const sut = requestedCase('2025-03-01T10:00:00Z', '2025-03-01');
    sut.close({ outcome: 'no_perpetrator_identified', reason: 'Nobody identified after two years' }, contextAt('2025-03-02T10:00:00Z'));
    expect(attentionReasons(sut, '2026-01-01', thresholds)).toEqual([]);
  });
});
