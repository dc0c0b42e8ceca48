import { disclosePeople } from './disclosure-control.js';

describe('disclosePeople', () => {
  it.each([
    { count: 0, shown: 0 },
    { count: 1, shown: '<5' },
    { count: 4, shown: '<5' },
    { count: 5, shown: 5 },
    { count: 163, shown: 163 },
  ])('shows $count people as $shown', ({ count, shown }) => {
    expect(disclosePeople(count)).toBe(shown);
  });
});
