import { ProtectedDataCipher, type SealedData } from './protected-data.cipher.js';

/**
 * The id of the single key configured before key rotation (`PROTECTED_DATA_KEY`). Rows sealed
 * before key ids existed were given this id by the `protected-data-key-id` migrations.
 */
export const LegacyProtectedDataKeyId = 'k0';

const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;
const base64KeyPattern = /^[A-Za-z0-9+/]{43}=$/;

/** Sealed data and the id of the key that sealed it. */
export interface KeyedSealedData extends SealedData {
  keyId: string;
}

/** The keyring variables of a service, as configured (strings, unset ones undefined). */
export interface ProtectedDataKeySettings {
  /** `PROTECTED_DATA_KEYS`: comma-separated `id:base64key` entries. */
  keys?: string;
  /** `PROTECTED_DATA_CURRENT_KEY_ID`: the key that seals; defaults to `k0` without `PROTECTED_DATA_KEYS`. */
  currentKeyId?: string;
  /** `PROTECTED_DATA_KEY`: the legacy single key, which is key `k0`. */
  legacyKey?: string;
}

/** Raised when a row names a key the keyring does not hold: an operator error, reported without key material. */
export class UnknownProtectedDataKeyError extends Error {
  constructor(
    readonly keyId: string,
    readonly recordId: string,
    knownKeyIds: readonly string[],
  ) {
    super(
      `Protected data of record ${recordId} is sealed with key id '${keyId}', which is not in the keyring (${knownKeyIds.join(', ')}): ` +
        `add that key to PROTECTED_DATA_KEYS`,
    );
    this.name = 'UnknownProtectedDataKeyError';
  }
}

/**
 * What is wrong with a keyring configuration, one message per problem, each starting with the
 * variable it is about. Messages never contain key material.
 */
export function protectedDataKeyringProblems(settings: ProtectedDataKeySettings): string[] {
  const problems: string[] = [];
  const { keys, currentKeyId, legacyKey } = settings;
  if (keys === undefined && legacyKey === undefined) {
    problems.push(
      'PROTECTED_DATA_KEY is missing: set it (openssl rand -base64 32), or set PROTECTED_DATA_KEYS and PROTECTED_DATA_CURRENT_KEY_ID',
    );
  }
  if (legacyKey !== undefined && !base64KeyPattern.test(legacyKey)) {
    problems.push('PROTECTED_DATA_KEY must be 32 random bytes, base64-encoded (openssl rand -base64 32)');
  }
  const ids: string[] = legacyKey !== undefined ? [LegacyProtectedDataKeyId] : [];
  if (keys !== undefined) {
    keys.split(',').forEach((entry, index) => {
      const [id, key, ...rest] = entry.trim().split(':');
      if (rest.length > 0 || key === undefined || !keyIdPattern.test(id) || !base64KeyPattern.test(key)) {
        problems.push(
          `PROTECTED_DATA_KEYS entry ${index + 1} must be id:key, the id 1 to 32 letters, digits, _ or -, ` +
            'the key 32 random bytes, base64-encoded (openssl rand -base64 32)',
        );
      } else if (id === LegacyProtectedDataKeyId && legacyKey !== undefined) {
        if (key !== legacyKey) {
          problems.push(
            `PROTECTED_DATA_KEYS gives key id '${id}' another key than PROTECTED_DATA_KEY, which is key '${id}': give the legacy key once`,
          );
        }
      } else if (ids.includes(id)) {
        problems.push(`PROTECTED_DATA_KEYS names key id '${id}' twice`);
      } else {
        ids.push(id);
      }
    });
    if (currentKeyId === undefined) {
      problems.push('PROTECTED_DATA_CURRENT_KEY_ID is missing: with PROTECTED_DATA_KEYS, name the key that seals new data');
    }
  }
  const current = currentKeyId ?? (keys === undefined ? LegacyProtectedDataKeyId : undefined);
  if (current !== undefined && ids.length > 0 && !ids.includes(current)) {
    problems.push(`PROTECTED_DATA_CURRENT_KEY_ID '${current}' names no key of the keyring (${ids.join(', ')})`);
  }
  return problems;
}

/**
 * Several AES-256-GCM keys, each with an id, one of them current. Seals with the current key
 * and records its id beside the ciphertext; opens with the key the stored id names, so data
 * sealed under an older key stays readable until `npm run protected-data:rotate` re-seals it.
 */
export class ProtectedDataKeyring {
  private constructor(
    private readonly ciphers: ReadonlyMap<string, ProtectedDataCipher>,
    /** The key that seals new data. */
    readonly currentKeyId: string,
  ) {}

  /** A keyring of raw 32-byte keys by id. */
  static of(keys: Record<string, Buffer>, currentKeyId: string): ProtectedDataKeyring {
    const ciphers = new Map(Object.entries(keys).map(([id, key]) => [id, new ProtectedDataCipher(key)]));
    if (!ciphers.has(currentKeyId)) throw new Error(`The current key id '${currentKeyId}' names no key of the keyring`);
    return new ProtectedDataKeyring(ciphers, currentKeyId);
  }

  /**
   * The keyring a service configures: `PROTECTED_DATA_KEYS` plus `PROTECTED_DATA_KEY` as key
   * `k0`; alone, `PROTECTED_DATA_KEY` is a keyring of one current key `k0`.
   */
  static fromSettings(settings: ProtectedDataKeySettings): ProtectedDataKeyring {
    const problems = protectedDataKeyringProblems(settings);
    if (problems.length > 0) throw new Error(`Invalid protected data keyring: ${problems.join('; ')}`);
    const keys: Record<string, Buffer> = {};
    if (settings.legacyKey !== undefined) keys[LegacyProtectedDataKeyId] = Buffer.from(settings.legacyKey, 'base64');
    for (const entry of settings.keys?.split(',') ?? []) {
      const [id, key] = entry.trim().split(':');
      keys[id] = Buffer.from(key, 'base64');
    }
    return ProtectedDataKeyring.of(keys, settings.currentKeyId ?? LegacyProtectedDataKeyId);
  }

  get keyIds(): string[] {
    return [...this.ciphers.keys()];
  }

  has(keyId: string): boolean {
    return this.ciphers.has(keyId);
  }

  /** Encrypts `plaintext` with the current key, bound to `recordId`. */
  seal(recordId: string, plaintext: string): KeyedSealedData {
    return { ...this.ciphers.get(this.currentKeyId)!.seal(recordId, plaintext), keyId: this.currentKeyId };
  }

  /** Decrypts with the key `sealed.keyId` names; throws `UnknownProtectedDataKeyError` if the keyring lacks it. */
  open(recordId: string, sealed: KeyedSealedData): string {
    const cipher = this.ciphers.get(sealed.keyId);
    if (cipher === undefined) throw new UnknownProtectedDataKeyError(sealed.keyId, recordId, this.keyIds);
    return cipher.open(recordId, sealed);
  }
}
