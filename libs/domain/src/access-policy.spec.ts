import { AccessActions, isAllowed, readableCondition, type AccessAction, type Actor } from './access-policy.js';

const actor = (role: string, organisation: string): Actor => ({ subject: `${role}@${organisation}`, role, organisation });

/** role × organisation (own / other) × confidentiality → the actions allowed. */
const table: [role: string, own: boolean, confidentiality: 'public' | 'restricted' | 'confidential', allowed: AccessAction[]][] = [
  ['officer', true, 'public', ['read', 'write', 'read_protected', 'write_protected']],
  ['officer', true, 'restricted', ['read', 'write', 'read_protected', 'write_protected']],
  ['officer', true, 'confidential', ['read', 'write', 'read_protected', 'write_protected']],
  ['officer', false, 'public', ['read']],
  ['officer', false, 'restricted', ['read']],
  ['officer', false, 'confidential', []],
  ['reporting', true, 'public', ['read']],
  ['reporting', true, 'confidential', ['read']],
  ['reporting', false, 'restricted', ['read']],
  ['reporting', false, 'confidential', []],
  ['partner', true, 'public', []],
  ['partner', false, 'public', []],
  ['admin', false, 'confidential', ['read', 'write', 'read_protected', 'write_protected']],
  ['admin', true, 'public', ['read', 'write', 'read_protected', 'write_protected']],
];

describe('isAllowed', () => {
  it.each(table)('%s of the %s organisation, %s record: %j', (role, own, confidentiality, allowed) => {
    const sut = actor(role, own ? 'org-a' : 'org-b');
    const record = { confidentiality, owningOrganisation: 'org-a' };
    expect(AccessActions.filter((action) => isAllowed(sut, record, action))).toEqual(allowed);
  });
});

describe('readableCondition', () => {
  it('gives admins no condition', () => {
    const parameters: unknown[] = [];
    expect(readableCondition(actor('admin', 'org-z'), { confidentiality: 'c', owningOrganisation: 'o' }, parameters)).toEqual([]);
    expect(parameters).toEqual([]);
  });

  // The SQL is evaluated here by a tiny interpreter of its one shape, so the two forms of the rule are held equal row by row.
  it.each(table.filter(([role]) => role === 'officer' || role === 'reporting'))(
    'agrees with isAllowed(read) for %s, own organisation %s, %s',
    (role, own, confidentiality) => {
      const sut = actor(role, own ? 'org-a' : 'org-b');
      const parameters: unknown[] = ['x'];
      const [condition] = readableCondition(sut, { confidentiality: 'conf', owningOrganisation: 'owner' }, parameters);
      expect(condition).toBe(`(conf <> 'confidential' OR owner = $2)`);
      const sqlAllows = confidentiality !== 'confidential' || 'org-a' === parameters[1];
      expect(sqlAllows).toBe(isAllowed(sut, { confidentiality, owningOrganisation: 'org-a' }, 'read'));
    },
  );
});
