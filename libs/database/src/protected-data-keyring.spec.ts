import { randomBytes } from 'node:crypto';
import { InvalidConfigurationError, loadEnv } from '#config';
import { ProtectedDataKeyring, UnknownProtectedDataKeyError } from './protected-data-keyring.js';
import { ProtectedDataEnv, protectedDataKeyringOf } from './protected-data.env.js';

const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('base64');
const legacy = randomBytes(32).toString('base64');

function problemsOf(raw: Record<string, string>): string[] {
  try {
    loadEnv('example', ProtectedDataEnv, { NODE_ENV: 'development', ...raw }, { always: { PORT: '3000' } });
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('ProtectedDataKeyring', () => {
  it('reads PROTECTED_DATA_KEY alone as one current key k0', () => {
    const sut = ProtectedDataKeyring.fromSettings({ legacyKey: legacy });
    expect(sut.keyIds).toEqual(['k0']);
    expect(sut.currentKeyId).toBe('k0');
  });

  it('parses PROTECTED_DATA_KEYS, adds PROTECTED_DATA_KEY as k0, and seals with the current key', () => {
    const sut = ProtectedDataKeyring.fromSettings({ keys: ` a:${keyA}, b:${keyB}`, currentKeyId: 'b', legacyKey: legacy });
    expect(sut.keyIds).toEqual(['k0', 'a', 'b']);
    expect(sut.seal('record-1', 'x').keyId).toBe('b');
  });

  it('opens data sealed under an older key, by the id stored beside it', () => {
    const older = ProtectedDataKeyring.fromSettings({ keys: `a:${keyA}`, currentKeyId: 'a' });
    const sealed = older.seal('record-1', '{"name":"Amina K."}');
    const sut = ProtectedDataKeyring.fromSettings({ keys: `a:${keyA},b:${keyB}`, currentKeyId: 'b' });
    expect(sut.open('record-1', sealed)).toBe('{"name":"Amina K."}');
    expect(sut.open('record-1', sut.seal('record-1', 'again'))).toBe('again');
  });

  it('refuses to open under a key id it does not hold, naming the id and not the key', () => {
    const sealed = ProtectedDataKeyring.fromSettings({ keys: `a:${keyA}`, currentKeyId: 'a' }).seal('record-1', 'x');
    const sut = ProtectedDataKeyring.fromSettings({ keys: `b:${keyB}`, currentKeyId: 'b' });
    expect(() => sut.open('record-1', sealed)).toThrow(UnknownProtectedDataKeyError);
    expect(() => sut.open('record-1', sealed)).toThrow("sealed with key id 'a', which is not in the keyring (b)");
  });

  it('refuses data whose key id was changed to another key of the ring', () => {
    const sut = ProtectedDataKeyring.fromSettings({ keys: `a:${keyA},b:${keyB}`, currentKeyId: 'b' });
    expect(() => sut.open('record-1', { ...sut.seal('record-1', 'x'), keyId: 'a' })).toThrow();
  });
});

describe('ProtectedDataEnv', () => {
  it.each([
    ['the legacy key alone', { PROTECTED_DATA_KEY: legacy }, ['k0'], 'k0'],
    ['a keyring', { PROTECTED_DATA_KEYS: `a:${keyA},b:${keyB}`, PROTECTED_DATA_CURRENT_KEY_ID: 'a' }, ['a', 'b'], 'a'],
    [
      'both, k0 given once',
      { PROTECTED_DATA_KEY: legacy, PROTECTED_DATA_KEYS: `b:${keyB}`, PROTECTED_DATA_CURRENT_KEY_ID: 'b' },
      ['k0', 'b'],
      'b',
    ],
    [
      'both, k0 repeated alike',
      { PROTECTED_DATA_KEY: legacy, PROTECTED_DATA_KEYS: `k0:${legacy},b:${keyB}`, PROTECTED_DATA_CURRENT_KEY_ID: 'k0' },
      ['k0', 'b'],
      'k0',
    ],
  ])('accepts %s', (_case, raw, keyIds, current) => {
    const sut = protectedDataKeyringOf(
      loadEnv('example', ProtectedDataEnv, { NODE_ENV: 'development', ...raw }, { always: { PORT: '3000' } }),
    );
    expect(sut.keyIds).toEqual(keyIds);
    expect(sut.currentKeyId).toBe(current);
  });

  it.each([
    [{}, ['PROTECTED_DATA_KEY is missing: set it (openssl rand -base64 32), or set PROTECTED_DATA_KEYS and PROTECTED_DATA_CURRENT_KEY_ID']],
    [{ PROTECTED_DATA_KEY: 'short' }, ['PROTECTED_DATA_KEY: PROTECTED_DATA_KEY must be 32 random bytes']],
    [{ PROTECTED_DATA_KEYS: `a:${keyA}` }, ['PROTECTED_DATA_CURRENT_KEY_ID is missing: with PROTECTED_DATA_KEYS']],
    [
      { PROTECTED_DATA_KEYS: `a:${keyA},b`, PROTECTED_DATA_CURRENT_KEY_ID: 'a' },
      ['PROTECTED_DATA_KEYS: PROTECTED_DATA_KEYS entry 2 must be id:key'],
    ],
    [{ PROTECTED_DATA_KEYS: `a b:${keyA}`, PROTECTED_DATA_CURRENT_KEY_ID: 'a' }, ['PROTECTED_DATA_KEYS entry 1 must be id:key']],
    [{ PROTECTED_DATA_KEYS: `a:${keyA},a:${keyB}`, PROTECTED_DATA_CURRENT_KEY_ID: 'a' }, ["PROTECTED_DATA_KEYS names key id 'a' twice"]],
    [
      { PROTECTED_DATA_KEY: legacy, PROTECTED_DATA_KEYS: `k0:${keyA}`, PROTECTED_DATA_CURRENT_KEY_ID: 'k0' },
      ["PROTECTED_DATA_KEYS gives key id 'k0' another key than PROTECTED_DATA_KEY"],
    ],
    [
      { PROTECTED_DATA_KEYS: `a:${keyA}`, PROTECTED_DATA_CURRENT_KEY_ID: 'c' },
      ["PROTECTED_DATA_CURRENT_KEY_ID 'c' names no key of the keyring (a)"],
    ],
    [
      { PROTECTED_DATA_KEY: legacy, PROTECTED_DATA_CURRENT_KEY_ID: 'k1' },
      ["PROTECTED_DATA_CURRENT_KEY_ID 'k1' names no key of the keyring (k0)"],
    ],
  ])('refuses %j, naming the variable and never the key', (raw, expected) => {
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((problem, index) => expect(problems[index]).toContain(problem));
    for (const key of [keyA, keyB, legacy]) expect(problems.join('\n')).not.toContain(key);
  });
});
