import { registerDecorator, type ValidationArguments } from 'class-validator';
import { ServiceEnv } from '#config';
import { ProtectedDataKeyring, protectedDataKeyringProblems, type ProtectedDataKeySettings } from './protected-data-keyring.js';

function settingsOf(env: Partial<ProtectedDataEnv>): ProtectedDataKeySettings {
  return { keys: env.PROTECTED_DATA_KEYS, currentKeyId: env.PROTECTED_DATA_CURRENT_KEY_ID, legacyKey: env.PROTECTED_DATA_KEY };
}

/** The keyring rules of `protectedDataKeyringProblems` that concern the decorated variable. */
function ValidKeyringSetting() {
  const problemsOf = (args: ValidationArguments) =>
    protectedDataKeyringProblems(settingsOf(args.object as Partial<ProtectedDataEnv>)).filter((problem) =>
      problem.startsWith(`${args.property} `),
    );
  return (target: object, property: string) =>
    registerDecorator({
      name: 'validKeyringSetting',
      target: target.constructor,
      propertyName: property,
      validator: {
        validate: (_value: unknown, args: ValidationArguments) => problemsOf(args).length === 0,
        defaultMessage: (args: ValidationArguments) => problemsOf(args).join('; '),
      },
    });
}

/**
 * The keyring variables of a service that seals protected personal data. `PROTECTED_DATA_KEY`
 * alone is a keyring of one key, id `k0`, current. To rotate, add keys to `PROTECTED_DATA_KEYS`
 * and name the one that seals in `PROTECTED_DATA_CURRENT_KEY_ID`; `PROTECTED_DATA_KEY`, if still
 * set, remains key `k0` of the keyring.
 */
export class ProtectedDataEnv extends ServiceEnv {
  /** The legacy single AES-256 key (id `k0`): `openssl rand -base64 32`. */
  @ValidKeyringSetting()
  PROTECTED_DATA_KEY?: string;

  /** Comma-separated `id:base64key` entries, e.g. `k1:<openssl rand -base64 32>,k2:...`. */
  @ValidKeyringSetting()
  PROTECTED_DATA_KEYS?: string;

  /** The id of the key that seals new data; required with `PROTECTED_DATA_KEYS`. */
  @ValidKeyringSetting()
  PROTECTED_DATA_CURRENT_KEY_ID?: string;
}

/** The keyring a validated environment configures. */
export function protectedDataKeyringOf(env: Partial<ProtectedDataEnv>): ProtectedDataKeyring {
  return ProtectedDataKeyring.fromSettings(settingsOf(env));
}
