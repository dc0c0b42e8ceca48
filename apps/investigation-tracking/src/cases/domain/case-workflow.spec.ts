import { ConflictError } from '#domain';
import {
  CaseWorkflow,
  IllegalTransitionError,
  TrackStages,
  TrackTransitions,
  type TrackStage,
  type TrackTransition,
} from './case-workflow.js';

/** The whole table: from each stage, where each allowed transition leads. Everything else is refused. */
const allowed: Record<TrackStage, Partial<Record<TrackTransition, TrackStage>>> = {
  not_requested: { request_investigation: 'requested' },
  requested: { acknowledge: 'acknowledged', report_progress: 'reporting', assess: 'requested', determine: 'determined' },
  acknowledged: { report_progress: 'reporting', assess: 'acknowledged', determine: 'determined' },
  reporting: { report_progress: 'reporting', assess: 'reporting', determine: 'determined' },
  determination_pending: { approve_determination: 'determined', report_progress: 'determination_pending', assess: 'determination_pending' },
  determined: { refer: 'referred', report_progress: 'determined', assess: 'determined' },
  referred: { refer: 'referred', update_referral: 'referred', report_progress: 'referred', assess: 'referred' },
};

const everyPair = TrackStages.flatMap((stage) => TrackTransitions.map((transition) => [stage, transition] as const));

describe('CaseWorkflow, a concerned State in an open case', () => {
  it.each(everyPair.filter(([stage, transition]) => allowed[stage][transition]))('%s --%s--> allowed', (stage, transition) => {
    expect(CaseWorkflow.nextStage('open', stage, transition, 'SD')).toBe(allowed[stage][transition]);
  });

  it.each(everyPair.filter(([stage, transition]) => !allowed[stage][transition]))(
    '%s --%s--> refused with what is allowed',
    (stage, transition) => {
      const refusal = (() => {
        try {
          CaseWorkflow.nextStage('open', stage, transition, 'SD');
        } catch (error) {
          return error;
        }
      })();
      expect(refusal).toBeInstanceOf(IllegalTransitionError);
      expect(refusal).toBeInstanceOf(ConflictError);
      expect((refusal as IllegalTransitionError).details).toEqual([{ field: 'allowedTransitions', problems: Object.keys(allowed[stage]) }]);
    },
  );
});

describe('CaseWorkflow, a closed case', () => {
  it.each(everyPair)('refuses %s --%s--> and names reopen', (stage, transition) => {
    expect(() => CaseWorkflow.nextStage('closed', stage, transition, 'SD')).toThrow(
      expect.objectContaining({ details: [{ field: 'allowedTransitions', problems: ['reopen'] }] }),
    );
  });

  it.each([
    ['reopen', true],
    ['transfer_evidence', true],
    ['check_evidence', true],
    ['close', false],
    ['register_evidence', false],
    ['link_incident', false],
    ['update_prosecution', false],
  ] as const)('%s is allowed: %s', (transition, expected) => {
    const attempt = () => CaseWorkflow.assertCase('closed', transition, 'CASE-2025-000001');
    if (expected) expect(attempt).not.toThrow();
    else expect(attempt).toThrow(IllegalTransitionError);
  });

  it('an open case cannot be reopened', () => {
    expect(() => CaseWorkflow.assertCase('open', 'reopen', 'CASE-2025-000001')).toThrow('is open; reopen is not allowed');
  });
});

describe('CaseWorkflow.caseStage', () => {
  it.each([
    ['open', ['not_requested'], 'opened'],
    ['open', ['requested', 'not_requested'], 'state_requested'],
    ['open', ['reporting', 'determined'], 'determined_unable_unwilling'],
    ['open', ['referred', 'requested'], 'referred'],
    ['open', ['determination_pending'], 'determination_pending'],
    ['closed', ['referred'], 'closed'],
  ] as const)('%s with States at %j is %s', (status, stages, expected) => {
    expect(CaseWorkflow.caseStage(status, stages)).toBe(expected);
  });
});
