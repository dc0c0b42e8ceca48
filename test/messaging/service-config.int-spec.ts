import { spawnSync } from 'node:child_process';

/** Starts a built service as production would, with the given environment only. */
function start(service: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [`dist/apps/${service}/src/main.js`], {
    env: { PATH: process.env.PATH!, ...env },
    encoding: 'utf8',
    timeout: 60000,
  });
}

const production = {
  NODE_ENV: 'production',
  PORT: '0',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/accountability_test',
  KAFKA_BROKERS: '127.0.0.1:9092',
  KAFKA_CONSUMER_GROUP: 'config-test',
  KAFKA_SASL_USERNAME: 'config-test',
  KAFKA_SASL_PASSWORD: 'a-production-kafka-password',
  JWT_ALGORITHM: 'HS256',
  JWT_ALLOW_HS256_IN_PRODUCTION: 'true',
  JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
  JWT_ISSUER: 'issuer',
  JWT_AUDIENCE: 'audience',
  LOG_LEVEL: 'warn',
};

describe('service configuration', () => {
  it.each([
    ['incident-intake', 'DATABASE_URL'],
    ['investigation-tracking', 'KAFKA_BROKERS'],
    ['council-reporting', 'JWT_SECRET'],
    ['council-reporting', 'JWT_AUDIENCE'],
    ['incident-intake', 'KAFKA_SASL_PASSWORD'],
  ])('%s refuses to start without %s and names it', (service, variable) => {
    const env: Record<string, string> = { ...production };
    delete env[variable];

    const result = start(service, env);

    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Configuration of ${service} is invalid`);
    expect(result.stderr).toContain(variable);
  });

  it('names an invalid value without echoing it', () => {
    const result = start('incident-intake', { ...production, PORT: 'eighty' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT');
    expect(result.stderr).not.toContain('eighty');
  });
});
