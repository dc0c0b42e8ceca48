import { spawnSync } from 'node:child_process';

/**
 * Configuration fails closed (issue 7): without NODE_ENV a service used to start with the
 * known development JWT secret and PROTECTED_DATA_KEY. Each case starts a built service with
 * the given environment only and expects it to refuse, naming what is wrong.
 */
describe('a service refuses to start on the local defaults unless NODE_ENV asks for them', () => {
  function start(service: string, env: Record<string, string>) {
    return spawnSync(process.execPath, [`dist/apps/${service}/src/main.js`], {
      env: { PATH: process.env.PATH!, ...env },
      encoding: 'utf8',
      timeout: 60000,
    });
  }

  const productionWithHs256 = {
    NODE_ENV: 'production',
    DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/accountability_test',
    KAFKA_BROKERS: '127.0.0.1:9092',
    JWT_SECRET: 'a-production-secret-of-at-least-32-chars',
    JWT_ISSUER: 'issuer',
    JWT_AUDIENCE: 'audience',
    LOG_LEVEL: 'warn',
  };

  it.each([
    ['incident-intake', ['NODE_ENV', 'DATABASE_URL', 'KAFKA_BROKERS', 'JWT_SECRET', 'JWT_ISSUER', 'JWT_AUDIENCE', 'PROTECTED_DATA_KEY']],
    ['investigation-tracking', ['NODE_ENV', 'DATABASE_URL', 'JWT_SECRET', 'PROTECTED_DATA_KEY', 'INCIDENT_INTAKE_URL']],
    ['council-reporting', ['NODE_ENV', 'DATABASE_URL', 'KAFKA_BROKERS', 'JWT_SECRET', 'JWT_ISSUER', 'JWT_AUDIENCE']],
  ])('%s without NODE_ENV refuses to start, naming NODE_ENV and each missing secret', (service, missing) => {
    const result = start(service, {});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`Configuration of ${service} is invalid`);
    for (const variable of missing) expect(result.stderr).toContain(`${variable} is missing`);
    expect(result.stderr).not.toContain('local-development-secret');
  });

  it('refuses HS256 in production unless JWT_ALLOW_HS256_IN_PRODUCTION=true', () => {
    const result = start('council-reporting', productionWithHs256);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('JWT_ALGORITHM HS256 is refused outside development and test');
    expect(result.stderr).not.toContain(productionWithHs256.JWT_SECRET);
  });
});
