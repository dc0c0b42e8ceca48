import { randomBytes } from 'node:crypto';
import { ProtectedDataCipher } from './protected-data.cipher.js';

describe('ProtectedDataCipher', () => {
  const sut = new ProtectedDataCipher(randomBytes(32));

  it('opens what it sealed, and the ciphertext does not contain the plaintext', () => {
    const sealed = sut.seal('record-1', '{"name":"Amina K."}');
    expect(sealed.ciphertext.toString('utf8')).not.toContain('Amina');
    expect(sut.open('record-1', sealed)).toBe('{"name":"Amina K."}');
  });

  it('uses a new IV every time', () => {
    expect(sut.seal('record-1', 'x').iv.equals(sut.seal('record-1', 'x').iv)).toBe(false);
  });

  it.each([
    ['another record id', (sealed: ReturnType<typeof sut.seal>) => sut.open('record-2', sealed)],
    [
      'a tampered ciphertext',
      (sealed: ReturnType<typeof sut.seal>) =>
        sut.open('record-1', { ...sealed, ciphertext: Buffer.from(sealed.ciphertext.map((byte) => byte ^ 1)) }),
    ],
    ['another key', (sealed: ReturnType<typeof sut.seal>) => new ProtectedDataCipher(randomBytes(32)).open('record-1', sealed)],
  ])('refuses to open with %s', (_case, open) => {
    const sealed = sut.seal('record-1', 'secret testimony');
    expect(() => open(sealed)).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new ProtectedDataCipher(randomBytes(16))).toThrow('32 bytes');
  });
});
