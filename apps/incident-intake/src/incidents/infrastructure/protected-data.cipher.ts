import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface SealedData {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
}

/**
 * AES-256-GCM for protected personal data at rest. A fresh 96-bit IV per write; the tag
 * authenticates the ciphertext and the incident id (as associated data), so a sealed
 * record copied onto another incident does not decrypt.
 */
export class ProtectedDataCipher {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('The protected data key must be 32 bytes (AES-256)');
  }

  seal(incidentId: string, plaintext: string): SealedData {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(incidentId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext, iv, authTag: cipher.getAuthTag() };
  }

  open(incidentId: string, sealed: SealedData): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.iv);
    decipher.setAAD(Buffer.from(incidentId));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  }
}
