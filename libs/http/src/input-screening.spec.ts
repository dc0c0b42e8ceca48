import { MAX_JSON_DEPTH, screenInput } from './input-screening.js';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = level % 2 ? [value] : { a: value };
  return value;
}

describe('screenInput', () => {
  it.each([
    ['a flat object', { title: 'Convoy attacked', count: 3, ok: true, none: null }],
    ['nesting at the limit', nested(MAX_JSON_DEPTH)],
    ['a surrogate pair (an emoji)', { note: 'convoy \ud83d\ude9a' }],
    ['a scalar', 42],
    ['nothing', undefined],
  ])('accepts %s', (_case, value) => {
    expect(screenInput(value)).toEqual({ tooDeep: false, problems: [] });
  });

  it.each([
    ['one level more than the limit', MAX_JSON_DEPTH + 1],
    ['10,000 levels', 10_000],
    ['1,000,000 levels, without overflowing the stack', 1_000_000],
  ])('refuses %s as too deep', (_case, levels) => {
    expect(screenInput(nested(levels))).toEqual({ tooDeep: true });
  });

  it.each([
    ['NUL in a top-level field', { title: 'a\u0000b' }, 'title', 'title must not contain NUL (\\u0000) characters'],
    [
      'NUL in an array element',
      { protected: { victims: [{ name: 'ok' }, { name: '\u0000' }] } },
      'protected.victims.1.name',
      'protected.victims.1.name must not contain NUL (\\u0000) characters',
    ],
    ['a lone high surrogate', { narrative: 'x\ud800y' }, 'narrative', 'narrative must not contain unpaired UTF-16 surrogates'],
    ['a lone low surrogate', { narrative: '\udc00' }, 'narrative', 'narrative must not contain unpaired UTF-16 surrogates'],
    ['a reversed pair', { narrative: '\ude9a\ud83d' }, 'narrative', 'narrative must not contain unpaired UTF-16 surrogates'],
    ['NUL in a property name', { personnel: { 'a\u0000': 1 } }, 'personnel', 'personnel has a property name with NUL (\\u0000) characters'],
    ['a __proto__ key', JSON.parse('{"a":{"__proto__":{"admin":true}}}'), 'a', 'a must not have a property named __proto__'],
    [
      'a constructor key',
      { assets: [{ type: 'vehicle', constructor: [] }] },
      'assets.0',
      'assets.0 must not have a property named constructor',
    ],
    ['a toString key', { toString: { isAdmin: true } }, '(body)', 'the body must not have a property named toString'],
    [
      'a __defineGetter__ key',
      { reason: 'x', __defineGetter__: 'polluted' },
      '(body)',
      'the body must not have a property named __defineGetter__',
    ],
    ['a prototype key', { victims: [], prototype: {} }, '(body)', 'the body must not have a property named prototype'],
    ['a bad top-level string', 'a\u0000', '(body)', 'the body must not contain NUL (\\u0000) characters'],
  ])('names the field holding %s', (_case, value, field, problem) => {
    expect(screenInput(value)).toEqual({ tooDeep: false, problems: [{ field, problems: [problem] }] });
  });

  it('reports fields in the order they were written, and at most 20', () => {
    const sut = screenInput({ b: '\u0000', a: ['\ud800'], many: Array.from({ length: 50 }, () => '\u0000') });
    expect(sut.tooDeep).toBe(false);
    const problems = sut.tooDeep ? [] : sut.problems;
    expect(problems.slice(0, 3).map((problem) => problem.field)).toEqual(['b', 'a.0', 'many.0']);
    expect(problems).toHaveLength(20);
  });

  it('never puts the offending text in a problem', () => {
    const sut = screenInput({ name: 'Amina Haddad\u0000' });
    expect(JSON.stringify(sut)).not.toContain('Amina');
  });
});
