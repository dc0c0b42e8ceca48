import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** What is stored of one sealed value: ciphertext, its IV and its GCM authentication tag. */
export interface SealedData {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
}

/**
 * AES-256-GCM for protected personal data at rest. A fresh 96-bit IV per write; the tag
 * authenticates the ciphertext and the id of the record it belongs to (as associated data),
 * so sealed data copied onto another record does not decrypt.
 */
export class ProtectedDataCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The protected data key must be 32 bytes (AES-256)');
  }

  /** Encrypts `plaintext`, bound to `recordId`. */
  seal(recordId: string, plaintext: string): SealedData {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(recordId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext, iv, authTag: cipher.getAuthTag() };
  }

  /** Decrypts what `seal` produced for the same `recordId`; throws if the key, the id or the data do not match. */
  open(recordId: string, sealed: SealedData): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.iv);
    decipher.setAAD(Buffer.from(recordId));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  }
}
