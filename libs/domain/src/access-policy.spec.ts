import { AccessActions, countableCondition, isAllowed, readableCondition, type AccessAction, type Actor } from './access-policy.js';

const actor = (role: string, organisation: string): Actor => ({ subject: `${role}@${organisation}`, role, organisation });

/** role × organisation (own / other) × confidentiality → the actions allowed. */
const table: [role: string, own: boolean, confidentiality: 'public' | 'restricted' | 'confidential', allowed: AccessAction[]][] = [
  ['officer', true, 'public', ['read', 'count', 'write', 'read_protected', 'write_protected']],
  ['officer', true, 'restricted', ['read', 'count', 'write', 'read_protected', 'write_protected']],
  ['officer', true, 'confidential', ['read', 'count', 'write', 'read_protected', 'write_protected']],
  ['officer', false, 'public', ['read', 'count']],
  ['officer', false, 'restricted', ['read', 'count']],
  ['officer', false, 'confidential', []],
  ['reporting', true, 'public', ['read', 'count']],
  ['reporting', true, 'confidential', ['read', 'count']],
  ['reporting', false, 'restricted', ['read', 'count']],
  ['reporting', false, 'confidential', []],
  ['partner', true, 'public', ['count']],
  ['partner', false, 'restricted', ['count']],
  ['partner', true, 'confidential', []],
  ['partner', false, 'confidential', []],
  ['admin', false, 'confidential', ['read', 'count', 'write', 'read_protected', 'write_protected']],
  ['admin', true, 'public', ['read', 'count', 'write', 'read_protected', 'write_protected']],
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

describe('countableCondition', () => {
  // The SQL's two shapes, evaluated as PostgreSQL would on one row, must agree with isAllowed(count).
  it.each(table.filter(([role]) => role !== 'admin'))(
    'agrees with isAllowed(count) for %s, own organisation %s, %s',
    (role, own, confidentiality) => {
      const sut = actor(role, own ? 'org-a' : 'org-b');
      const parameters: unknown[] = [];
      const [condition] = countableCondition(sut, { confidentiality: 'conf', owningOrganisation: 'owner' }, parameters);
      const sqlAllows =
        condition === `conf <> 'confidential'`
          ? confidentiality !== 'confidential'
          : condition === `(conf <> 'confidential' OR owner = $1)` && (confidentiality !== 'confidential' || parameters[0] === 'org-a');
      expect(sqlAllows).toBe(isAllowed(sut, { confidentiality, owningOrganisation: 'org-a' }, 'count'));
    },
  );
});
