import { stageOf, type StateProgress } from './case-stage.js';

const opened: StateProgress = {
  closed: false,
  requested: false,
  acknowledged: false,
  reportsReceived: 0,
  determinationProposed: false,
  determined: false,
  referred: false,
};

describe('stageOf', () => {
  it.each<{ progress: Partial<StateProgress>; stage: string }>([
    { progress: {}, stage: 'opened' },
    { progress: { requested: true }, stage: 'state_requested' },
    { progress: { requested: true, acknowledged: true }, stage: 'state_acknowledged' },
    { progress: { requested: true, reportsReceived: 2 }, stage: 'state_reporting' },
    { progress: { requested: true, reportsReceived: 2, determinationProposed: true }, stage: 'determination_pending' },
    { progress: { requested: true, determinationProposed: true, determined: true }, stage: 'determined_unable_unwilling' },
    { progress: { requested: true, determined: true, referred: true }, stage: 'referred' },
    { progress: { requested: true, determined: true, referred: true, closed: true }, stage: 'closed' },
  ])('$stage for $progress', ({ progress, stage }) => {
    expect(stageOf({ ...opened, ...progress })).toBe(stage);
  });
});
