import { IsString } from 'class-validator';
import { InvalidConfigurationError, loadEnv } from './load-env.js';
import { localDefaults, ServiceEnv } from './service-env.js';

class ExampleEnv extends ServiceEnv {
  @IsString()
  EXTRA!: string;
}

const defaults = { always: { PORT: '3001', EXTRA: 'x' } };

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
  it('fills local defaults outside production and converts types', () => {
    const sut = loadEnv('example', ExampleEnv, { PORT: '4000' }, defaults);
    expect(sut.PORT).toBe(4000);
    expect(sut.DATABASE_URL).toBe(localDefaults.DATABASE_URL);
  });

  it('applies no local defaults in production and names every missing variable', () => {
    const problems = problemsOf({ NODE_ENV: 'production', EXTRA: '' });
    expect(problems).toEqual([
      'DATABASE_URL is missing',
      'KAFKA_BROKERS is missing',
      'JWT_ISSUER is missing',
      'JWT_AUDIENCE is missing',
      'JWT_SECRET is missing: HS256 tokens need a shared secret',
    ]);
  });

  it('keeps the defaults that are right everywhere in production', () => {
    const production = {
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/x',
      KAFKA_BROKERS: 'k:9092',
      JWT_SECRET: 's'.repeat(32),
      JWT_ISSUER: 'i',
      JWT_AUDIENCE: 'a',
    };
    const sut = loadEnv('example', ExampleEnv, production, defaults);
    expect(sut).toMatchObject({ PORT: 3001, KAFKA_CONSUMER_GROUP: 'example', JWT_ALGORITHM: 'HS256', LOG_LEVEL: 'info', EXTRA: 'x' });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT:'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// connection URL'],
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS must be a comma-separated list of host:port'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters long'],
    [{ JWT_ALGORITHM: 'RS256' }, 'JWT_PUBLIC_KEY or JWT_JWKS_URI is missing'],
    [{ JWT_JWKS_URI: 'not a url' }, 'JWT_JWKS_URI must be an http(s) URL'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL:'],
  ])('rejects %j', (raw, problem) => {
    expect(problemsOf(raw).join('\n')).toContain(problem);
  });

  it('never echoes a value, so secrets stay out of logs', () => {
    expect(problemsOf({ JWT_SECRET: 'short-secret-value' }).join('\n')).not.toContain('short-secret-value');
  });
});
