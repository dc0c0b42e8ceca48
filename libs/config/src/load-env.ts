import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { commonDefaults, localDefaults } from './service-env.js';

/** A service's own defaults: `always` in every environment, `local` never in production (secrets). */
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
 * always apply; local defaults only outside production. The same function backs Nest's
 * ConfigModule and the CLIs (migrations, token minting), so both read one configuration.
 */
export function loadEnv<T extends object>(
  service: string,
  schema: new () => T,
  raw: Record<string, string | undefined>,
  serviceDefaults: ServiceDefaults = {},
): T {
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''));
  const local = raw.NODE_ENV === 'production' ? {} : { ...localDefaults, ...serviceDefaults.local };
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
  if (problems.length > 0) throw new InvalidConfigurationError(service, problems);
  return env;
}

function describe(error: ValidationError): string {
  const value = (error.target as Record<string, unknown> | undefined)?.[error.property];
  if (value === undefined) return `${error.property} is missing`;
  return `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`;
}
