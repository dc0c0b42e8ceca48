import { mayAccessProtectedData, maySee, type Actor } from './access.js';

const actor = (role: string, organisation: string): Actor => ({ subject: 's', role, organisation });

describe('maySee', () => {
  it.each([
    ['public', actor('reporting', 'org-b'), true],
    ['restricted', actor('officer', 'org-b'), true],
    ['confidential', actor('officer', 'org-a'), true],
    ['confidential', actor('reporting', 'org-a'), true],
    ['confidential', actor('admin', 'org-z'), true],
    ['confidential', actor('officer', 'org-b'), false],
    ['confidential', actor('reporting', 'org-b'), false],
  ] as const)('a %s incident of org-a is seen by %j: %s', (confidentiality, sut, expected) => {
    expect(maySee(sut, { confidentiality, reportingOrganisation: 'org-a' })).toBe(expected);
  });
});

describe('mayAccessProtectedData', () => {
  it.each([
    [actor('officer', 'org-a'), true],
    [actor('admin', 'org-z'), true],
    [actor('officer', 'org-b'), false],
    [actor('reporting', 'org-a'), false],
    [actor('partner', 'org-a'), false],
  ])('of an incident reported by org-a, for %j: %s', (sut, expected) => {
    expect(mayAccessProtectedData(sut, 'org-a')).toBe(expected);
  });
});
