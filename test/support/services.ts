import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { localDefaults } from '#config';
import { mintToken, type Role } from '#auth';
import { clockEnv, testNow } from './clock.js';
import { eventually } from './eventually.js';

export type ServiceName = 'incident-intake' | 'investigation-tracking' | 'council-reporting';

export interface RunningService {
  url: string;
  stop(): Promise<void>;
  /** Ends the process with SIGKILL, as a crash would: no shutdown hook runs. */
  kill(): Promise<void>;
}

/**
 * Starts a built service as its own process, exactly as `npm start` does, on a free port,
 * and waits until it reports ready. Its log goes to `logFile`.
 */
export async function startService(
  name: ServiceName,
  env: Record<string, string> = {},
  logFile = `.stack/logs/e2e-${name}.log`,
): Promise<RunningService & { logFile: string }> {
  const port = await freePort();
  mkdirSync('.stack/logs', { recursive: true });
  const log = createWriteStream(logFile, { flags: 'a' });
  const child: ChildProcess = spawn(process.execPath, [`dist/apps/${name}/src/main.js`], {
    env: { ...process.env, PORT: String(port), LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...clockEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    async () => {
      if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}; see ${logFile}`);
      const response = await fetch(`${url}/health/ready`);
      if (response.status !== 200) throw new Error(`${name} is not ready: ${response.status}`);
    },
    { timeoutMs: 60000 },
  ).catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return {
    url,
    logFile,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      log.end();
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
      log.end();
    },
  };
}

/** A token signed with the local test settings, as `npm run token` mints it, issued now by the tests' clock. */
export function tokenFor(role: Role, organisation = 'org-test', subject = `test-${role}`): string {
  return mintToken(
    {
      JWT_ALGORITHM: 'HS256',
      JWT_SECRET: process.env.JWT_SECRET ?? localDefaults.JWT_SECRET,
      JWT_ISSUER: process.env.JWT_ISSUER ?? localDefaults.JWT_ISSUER,
      JWT_AUDIENCE: process.env.JWT_AUDIENCE ?? localDefaults.JWT_AUDIENCE,
    },
    { sub: subject, role, org: organisation },
    '8h',
    testNow(),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
