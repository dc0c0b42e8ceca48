import { MalformedInputError } from '#domain';
import { decodeCursor, encodeCursor } from './keyset-cursor.js';

describe('keyset cursor', () => {
  it('gives back the sort value and id it was made from', () => {
    expect(
      decodeCursor(encodeCursor('2026-03-14', '01a226d8-0418-731e-a930-cef436a2f0ab'), (value) => /^\d{4}-\d{2}-\d{2}$/.test(value)),
    ).toEqual(['2026-03-14', '01a226d8-0418-731e-a930-cef436a2f0ab']);
  });

  it.each([
    '',
    'bm90LWEtY3Vyc29y',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["a"]').toString('base64url'),
    encodeCursor('', 'not-a-uuid'),
    encodeCursor("'; DROP TABLE x; --", '01a226d8-0418-731e-a930-cef436a2f0ab'),
  ])('refuses %j', (cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(MalformedInputError);
  });
});
