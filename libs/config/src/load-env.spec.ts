import { IsString, Matches } from 'class-validator';
import { InvalidConfigurationError, loadEnv } from './load-env.js';
import { localDefaults, localKafkaPassword, ServiceEnv } from './service-env.js';

class ExampleEnv extends ServiceEnv {
  @IsString()
  EXTRA!: string;

  @Matches(/^key-/)
  EXAMPLE_KEY!: string;
}

const defaults = { always: { PORT: '3001', EXTRA: 'x' }, local: { EXAMPLE_KEY: 'key-local' } };

const publicKey = '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----';

/** Everything production must give itself, verified with the identity provider's public key. */
const production = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://db/x',
  KAFKA_BROKERS: 'k:9092',
  KAFKA_SASL_USERNAME: 'example',
  KAFKA_SASL_PASSWORD: 'a-production-kafka-password',
  JWT_ALGORITHM: 'RS256',
  JWT_PUBLIC_KEY: publicKey,
  JWT_ISSUER: 'i',
  JWT_AUDIENCE: 'a',
  EXAMPLE_KEY: 'key-production',
};

function problemsOf(raw: Record<string, string | undefined>): string[] {
  try {
    loadEnv('example', ExampleEnv, raw, defaults);
  } catch (error) {
    if (error instanceof InvalidConfigurationError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadEnv', () => {
  it.each(['development', 'test'])('fills the local defaults when NODE_ENV is %s and converts types', (environment) => {
    const sut = loadEnv('example', ExampleEnv, { NODE_ENV: environment, PORT: '4000' }, defaults);
    expect(sut).toMatchObject({
      NODE_ENV: environment,
      PORT: 4000,
      DATABASE_URL: localDefaults.DATABASE_URL,
      JWT_ALGORITHM: 'HS256',
      JWT_SECRET: localDefaults.JWT_SECRET,
      EXAMPLE_KEY: 'key-local',
      JWT_MAX_LIFETIME_SECONDS: 43200,
      JWT_CLOCK_SKEW_SECONDS: 60,
    });
  });

  it.each([
    ['unset', {}],
    ['empty', { NODE_ENV: '' }],
  ])('refuses NODE_ENV %s, naming it and every missing secret, and applies no local default', (_case, raw) => {
    expect(problemsOf(raw)).toEqual([
      'EXAMPLE_KEY is missing',
      'NODE_ENV is missing: set production, or development or test to use the local defaults',
      'DATABASE_URL is missing',
      'KAFKA_BROKERS is missing',
      'KAFKA_SASL_USERNAME is missing',
      'KAFKA_SASL_PASSWORD is missing',
      'JWT_ISSUER is missing',
      'JWT_AUDIENCE is missing',
      'JWT_SECRET is missing: HS256 tokens need a shared secret',
      expect.stringContaining('JWT_ALGORITHM HS256 is refused outside development and test'),
    ]);
  });

  it.each([
    ['a tool', 'example', {}, 'admin'],
    ['a service', 'council-reporting', {}, 'council-reporting'],
    ['a given user', 'example', { KAFKA_SASL_USERNAME: 'incident-intake' }, 'incident-intake'],
  ])('connects %s to the local broker as its own principal with its local password', (_case, service, raw, user) => {
    const sut = loadEnv(service, ExampleEnv, { NODE_ENV: 'test', ...raw }, defaults);
    expect(sut).toMatchObject({
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: user,
      KAFKA_SASL_PASSWORD: localKafkaPassword(user),
    });
  });

  it('refuses the published local Kafka password in production', () => {
    expect(problemsOf({ ...production, KAFKA_SASL_PASSWORD: localKafkaPassword('example') })).toEqual([
      'KAFKA_SASL_PASSWORD is the published local development password: refused outside development and test',
    ]);
  });

  it('refuses an unknown NODE_ENV without applying the local defaults', () => {
    const problems = problemsOf({ NODE_ENV: 'staging' });
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^NODE_ENV: /), 'DATABASE_URL is missing', 'EXAMPLE_KEY is missing']),
    );
  });

  it('applies no local defaults in production and names every missing variable', () => {
    expect(problemsOf({ NODE_ENV: 'production', EXTRA: '' })).toEqual([
      'EXAMPLE_KEY is missing',
      'DATABASE_URL is missing',
      'KAFKA_BROKERS is missing',
      'KAFKA_SASL_USERNAME is missing',
      'KAFKA_SASL_PASSWORD is missing',
      'JWT_ISSUER is missing',
      'JWT_AUDIENCE is missing',
      'JWT_SECRET is missing: HS256 tokens need a shared secret',
      'JWT_ALGORITHM HS256 is refused outside development and test: use RS256 or ES256 with JWT_PUBLIC_KEY or JWT_JWKS_URI, or set JWT_ALLOW_HS256_IN_PRODUCTION=true',
    ]);
  });

  it('accepts production with an asymmetric algorithm and keeps the defaults that are right everywhere', () => {
    const sut = loadEnv('example', ExampleEnv, production, defaults);
    expect(sut).toMatchObject({
      PORT: 3001,
      KAFKA_CONSUMER_GROUP: 'example',
      JWT_ALGORITHM: 'RS256',
      JWT_ALLOW_HS256_IN_PRODUCTION: 'false',
      JWT_MAX_LIFETIME_SECONDS: 43200,
      JWT_CLOCK_SKEW_SECONDS: 60,
      LOG_LEVEL: 'info',
      OTEL_TRACES_EXPORTER: 'none',
      OTEL_SERVICE_NAME: 'example',
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      EXTRA: 'x',
      EXAMPLE_KEY: 'key-production',
    });
    expect(sut.JWT_SECRET).toBeUndefined();
  });

  it.each([
    ['no override', {}, ['JWT_ALGORITHM HS256 is refused outside development and test']],
    [
      'the override not exactly true',
      { JWT_ALLOW_HS256_IN_PRODUCTION: 'yes' },
      ['JWT_ALLOW_HS256_IN_PRODUCTION:', 'JWT_ALGORITHM HS256 is refused outside development and test'],
    ],
    ['the override', { JWT_ALLOW_HS256_IN_PRODUCTION: 'true' }, []],
  ])('production with HS256 and %s', (_case, override, expected) => {
    const raw = { ...production, JWT_ALGORITHM: 'HS256', JWT_PUBLIC_KEY: undefined, JWT_SECRET: 's'.repeat(32), ...override };
    const problems = problemsOf(raw);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((problem, index) => expect(problems[index]).toContain(problem));
  });

  it('reads the token lifetime and clock skew from the environment', () => {
    const sut = loadEnv('example', ExampleEnv, { ...production, JWT_MAX_LIFETIME_SECONDS: '3600', JWT_CLOCK_SKEW_SECONDS: '0' }, defaults);
    expect(sut).toMatchObject({ JWT_MAX_LIFETIME_SECONDS: 3600, JWT_CLOCK_SKEW_SECONDS: 0 });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT:'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// connection URL'],
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS must be a comma-separated list of host:port'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters long'],
    [{ JWT_ALGORITHM: 'RS256' }, 'JWT_PUBLIC_KEY or JWT_JWKS_URI is missing'],
    [{ JWT_JWKS_URI: 'not a url' }, 'JWT_JWKS_URI must be an http(s) URL'],
    [{ JWT_MAX_LIFETIME_SECONDS: 'forever' }, 'JWT_MAX_LIFETIME_SECONDS:'],
    [{ JWT_MAX_LIFETIME_SECONDS: '10' }, 'JWT_MAX_LIFETIME_SECONDS:'],
    [{ JWT_CLOCK_SKEW_SECONDS: '-1' }, 'JWT_CLOCK_SKEW_SECONDS:'],
    [{ JWT_CLOCK_SKEW_SECONDS: '3600' }, 'JWT_CLOCK_SKEW_SECONDS:'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL:'],
    [{ OTEL_TRACES_EXPORTER: 'jaeger' }, 'OTEL_TRACES_EXPORTER:'],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL'],
    [{ KAFKA_SASL_MECHANISM: 'plain' }, 'KAFKA_SASL_MECHANISM:'],
  ])('rejects %j', (raw, problem) => {
    const problems = problemsOf({ NODE_ENV: 'development', ...raw });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
  });

  it('takes CLOCK_START in test mode', () => {
    expect(loadEnv('example', ExampleEnv, { NODE_ENV: 'test', CLOCK_START: '2027-03-01T09:00:00Z' }, defaults).CLOCK_START).toBe(
      '2027-03-01T09:00:00Z',
    );
  });

  it.each([
    ['development', { NODE_ENV: 'development' }],
    ['production', production],
  ])('refuses CLOCK_START in %s', (_case, raw) => {
    expect(problemsOf({ ...raw, CLOCK_START: '2027-03-01T09:00:00Z' })).toEqual([
      'CLOCK_START is refused outside NODE_ENV=test: it moves the clock of the service',
    ]);
  });

  it.each(['2027-03-01', '2027-03-01T09:00:00', '2027-02-30T09:00:00Z', 'next year'])('refuses CLOCK_START %j', (start) => {
    const problems = problemsOf({ NODE_ENV: 'test', CLOCK_START: start });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^CLOCK_START: /);
  });

  it('never echoes a value, so secrets stay out of logs', () => {
    expect(problemsOf({ NODE_ENV: 'development', JWT_SECRET: 'short-secret-value' }).join('\n')).not.toContain('short-secret-value');
  });
});
