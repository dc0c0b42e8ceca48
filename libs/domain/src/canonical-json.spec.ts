import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: { d: [{ y: 1, x: 2 }], c: 3 } }, '{"a":{"c":3,"d":[{"x":2,"y":1}]},"b":1}'],
    [{ a: undefined, b: null }, '{"b":null}'],
    [[3, 1, 2], '[3,1,2]'],
  ])('writes %j as %s', (value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('gives equal values equal text whatever their key order', () => {
    expect(canonicalJson({ harm: 'killed', count: 2 })).toBe(canonicalJson({ count: 2, harm: 'killed' }));
  });
});
