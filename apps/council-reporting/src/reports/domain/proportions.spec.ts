import { change, share } from './proportions.js';

describe('share', () => {
  it.each([
    [272, 280, { percent: 97, bound: 'exactly' }],
    [1, 2, { percent: 50, bound: 'exactly' }],
    [0, 12, { percent: 0, bound: 'exactly' }],
    [12, 12, { percent: 100, bound: 'exactly' }],
    [1, 1000, { percent: 1, bound: 'less_than' }],
    [999, 1000, { percent: 99, bound: 'more_than' }],
    [30, 20, { percent: 150, bound: 'exactly' }],
  ])('%i of %i is %o', (part, whole, expected) => {
    expect(share(part, whole)).toEqual(expected);
  });

  it('gives no share of nothing', () => {
    expect(share(3, 0)).toBeNull();
  });
});

describe('change', () => {
  it.each([
    [250, 280, { direction: 'up', previous: 250, current: 280, by: { percent: 12, bound: 'exactly' } }],
    [300, 150, { direction: 'down', previous: 300, current: 150, by: { percent: 50, bound: 'exactly' } }],
    [40, 0, { direction: 'down', previous: 40, current: 0, by: { percent: 100, bound: 'exactly' } }],
    [7, 7, { direction: 'same', previous: 7, current: 7 }],
    [0, 0, { direction: 'same', previous: 0, current: 0 }],
    [0, 5, { direction: 'from_none', previous: 0, current: 5 }],
  ])('from %i to %i', (previous, current, expected) => {
    expect(change(previous, current)).toEqual(expected);
  });
});
