import { IsString } from 'class-validator';
import { InvalidConfigurationError, loadEnv } from './load-env.js';
import { localDefaults, ServiceEnv } from './service-env.js';

class ExampleEnv extends ServiceEnv {
  @IsString()
  EXTRA!: string;
}

const defaults = { ...localDefaults, PORT: '3001', KAFKA_CONSUMER_GROUP: 'example', EXTRA: 'x' };

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

  it('applies no defaults in production and names every missing variable', () => {
    const problems = problemsOf({ NODE_ENV: 'production', PORT: '3001' });
    expect(problems).toEqual(
      expect.arrayContaining(['DATABASE_URL is missing', 'KAFKA_BROKERS is missing', 'JWT_ISSUER is missing', 'EXTRA is missing']),
    );
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT:'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL must be a postgres:// connection URL'],
    [{ KAFKA_BROKERS: 'localhost' }, 'KAFKA_BROKERS must be a comma-separated list of host:port'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET must be at least 32 characters long'],
    [{ JWT_ALGORITHM: 'RS256' }, 'JWT_PUBLIC_KEY is missing'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL:'],
  ])('rejects %j', (raw, problem) => {
    expect(problemsOf(raw).join('\n')).toContain(problem);
  });

  it('never echoes a value, so secrets stay out of logs', () => {
    expect(problemsOf({ JWT_SECRET: 'short-secret-value' }).join('\n')).not.toContain('short-secret-value');
  });
});
