// The bench's own infrastructure: a database and a broker of its own, and the services run
// from dist as `npm start` runs them, so no figure counts (or disturbs) anyone else's data.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { localDefaults } from '#config';
import { mintToken, type Role } from '#auth';
import { systemClock } from '#domain';
import { KafkaConnection, toolKafkaCredentials } from '#messaging';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const benchDatabaseUrl = 'postgres://postgres@127.0.0.1:5432/accountability_bench';
const adminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';
const broker = { LOCAL_KAFKA_DIR: '.stack/kafka/bench', LOCAL_KAFKA_PORT: '29092', LOCAL_KAFKA_CONTROLLER_PORT: '29093' };
export const benchBrokers = `127.0.0.1:${broker.LOCAL_KAFKA_PORT}`;

export type ServiceName = 'incident-intake' | 'investigation-tracking' | 'council-reporting';

export interface BenchService {
  name: ServiceName;
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** An empty `accountability_bench`, migrated from nothing. */
export async function resetDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('DROP DATABASE IF EXISTS accountability_bench WITH (FORCE)');
    await admin.query('CREATE DATABASE accountability_bench');
  } finally {
    await admin.end();
  }
  // The migrations load the services' configuration: test mode, with the local defaults.
  Object.assign(process.env, { NODE_ENV: 'test', DATABASE_URL: benchDatabaseUrl, KAFKA_BROKERS: benchBrokers });
  const { migrateAll } = await import('../../migrations/run.js');
  await migrateAll('up', () => undefined);
}

/** Starts the bench's broker on empty storage, with its topics provisioned, through the stack script. */
export async function brokerUp(): Promise<void> {
  brokerDown();
  // The stack script would reuse whatever listens on the port: a broker of a previous run still
  // shutting down is waited for, anyone else's is refused, as the figures would be theirs.
  for (const deadline = Date.now() + 30_000; await portOpen(Number(broker.LOCAL_KAFKA_PORT));) {
    if (Date.now() > deadline) throw new Error(`something else listens on ${benchBrokers}: the bench needs that port for its own broker`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  rmSync(join(root, broker.LOCAL_KAFKA_DIR), { recursive: true, force: true });
  stackScript('up');
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

export function brokerDown(): void {
  stackScript('down');
}

function stackScript(action: 'up' | 'down'): void {
  // Without KAFKA_BROKERS: set, the script takes the broker for someone else's and leaves it alone.
  const { KAFKA_BROKERS: _external, ...env } = process.env;
  execFileSync('bash', ['docker/stack.sh', action], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, ...broker } });
}

/** A Kafka client set up as the services set theirs up. */
export function benchKafka(clientId: string): KafkaConnection {
  return new KafkaConnection({ clientId, brokers: benchBrokers.split(','), credentials: toolKafkaCredentials() });
}

export interface StartOptions {
  env?: Record<string, string>;
  nodeArgs?: string[];
  /** `live` for a service run without a broker, which is never ready. */
  waitUntil?: 'ready' | 'live';
}

/** Starts a built service on the bench's database and broker, on a free port, and waits until it is ready. */
export async function startService(
  name: ServiceName,
  { env = {}, nodeArgs = [], waitUntil = 'ready' }: StartOptions = {},
): Promise<BenchService> {
  const port = await freePort();
  mkdirSync(join(root, '.stack/logs'), { recursive: true });
  const log = createWriteStream(join(root, `.stack/logs/bench-${name}.log`), { flags: 'a' });
  // The heap cap the image and docker/start-all.sh give the services.
  const child: ChildProcess = spawn(
    process.execPath,
    ['--max-old-space-size=128', ...nodeArgs, join(root, `dist/apps/${name}/src/main.js`)],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: benchDatabaseUrl,
        KAFKA_BROKERS: benchBrokers,
        PORT: String(port),
        LOG_LEVEL: 'warn',
        // The load is the point here, not the per-client rate limit.
        RATE_LIMIT_PER_MINUTE: '100000000',
        RATE_LIMIT_PER_IP_PER_MINUTE: '100000000',
        IMPORT_MAX_BYTES: String(512 * 1024 * 1024),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 90_000; ;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}; see .stack/logs/bench-${name}.log`);
    const ready = await fetch(`${url}/health/${waitUntil}`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ${waitUntil} within 90 s; see .stack/logs/bench-${name}.log`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    name,
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      log.end();
    },
  };
}

/** A token signed with the local settings, as `npm run token` mints it. */
export function benchToken(role: Role, organisation = 'org-bench'): string {
  return mintToken(
    {
      JWT_ALGORITHM: 'HS256',
      JWT_SECRET: localDefaults.JWT_SECRET,
      JWT_ISSUER: localDefaults.JWT_ISSUER,
      JWT_AUDIENCE: localDefaults.JWT_AUDIENCE,
    },
    { sub: `bench-${role}`, role, org: organisation },
    '8h',
    systemClock.now(),
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}
