import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { commonDefaults, localDefaults, LocalEnvironments, localKafkaCredentials, localKafkaPassword } from './service-env.js';

/** A service's own defaults: `always` in every environment, `local` only in development and test (secrets). */
export interface ServiceDefaults {
  always?: Record<string, string>;
  local?: Record<string, string>;
}

/** Raised when a service's environment is missing or has an invalid variable; names each one. */
export class InvalidConfigurationError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`Configuration of ${service} is invalid:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'InvalidConfigurationError';
  }
}

/**
 * Validates a service's environment against its schema class. Common and service defaults
 * always apply; local defaults only when NODE_ENV is explicitly `development` or `test`, so a
 * forgotten NODE_ENV fails closed instead of running on the known development secrets. Outside
 * those, HS256 needs `JWT_ALLOW_HS256_IN_PRODUCTION=true`. The same function backs Nest's
 * ConfigModule and the CLIs (migrations, token minting), so both read one configuration.
 */
export function loadEnv<T extends object>(
  service: string,
  schema: new () => T,
  raw: Record<string, string | undefined>,
  serviceDefaults: ServiceDefaults = {},
): T {
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const isLocal = raw.NODE_ENV !== undefined && LocalEnvironments.includes(raw.NODE_ENV);
  const local = isLocal ? { ...localDefaults, ...localKafkaCredentials(service, given.KAFKA_SASL_USERNAME), ...serviceDefaults.local } : {};
  const merged = { ...commonDefaults(service), ...serviceDefaults.always, ...local, ...given };
  const env = plainToInstance(schema, merged, { enableImplicitConversion: true });
  const errors = validateSync(env, { whitelist: false, skipMissingProperties: false });
  const problems = errors.map(describe);
  const record = env as Record<string, unknown>;
  if (record.JWT_ALGORITHM === 'HS256' && !record.JWT_SECRET) {
    problems.push('JWT_SECRET is missing: HS256 tokens need a shared secret');
  }
  if (record.JWT_ALGORITHM !== undefined && record.JWT_ALGORITHM !== 'HS256' && !record.JWT_PUBLIC_KEY && !record.JWT_JWKS_URI) {
    problems.push(`JWT_PUBLIC_KEY or JWT_JWKS_URI is missing: ${String(record.JWT_ALGORITHM)} tokens are verified with a public key`);
  }
  if (!isLocal && record.JWT_ALGORITHM === 'HS256' && record.JWT_ALLOW_HS256_IN_PRODUCTION !== 'true') {
    problems.push(
      'JWT_ALGORITHM HS256 is refused outside development and test: use RS256 or ES256 with JWT_PUBLIC_KEY or JWT_JWKS_URI, or set JWT_ALLOW_HS256_IN_PRODUCTION=true',
    );
  }
  // The local passwords are published in this repository.
  if (
    !isLocal &&
    typeof record.KAFKA_SASL_USERNAME === 'string' &&
    record.KAFKA_SASL_PASSWORD === localKafkaPassword(record.KAFKA_SASL_USERNAME)
  ) {
    problems.push('KAFKA_SASL_PASSWORD is the published local development password: refused outside development and test');
  }
  // A shifted clock in production would date records and accept expired tokens.
  if (record.CLOCK_START !== undefined && record.NODE_ENV !== 'test') {
    problems.push('CLOCK_START is refused outside NODE_ENV=test: it moves the clock of the service');
  }
  if (problems.length > 0) throw new InvalidConfigurationError(service, problems);
  return env;
}

const missingHints: Record<string, string> = {
  NODE_ENV: 'NODE_ENV is missing: set production, or development or test to use the local defaults',
};

function describe(error: ValidationError): string {
  const value = (error.target as Record<string, unknown> | undefined)?.[error.property];
  if (value === undefined) {
    // A constraint may explain what a missing variable means (e.g. which alternative to set).
    const explained = Object.values(error.constraints ?? {}).find((message) => message.startsWith(`${error.property} is missing`));
    return missingHints[error.property] ?? explained ?? `${error.property} is missing`;
  }
  return `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`;
}
