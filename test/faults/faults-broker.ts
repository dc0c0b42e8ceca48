// The suite's own broker, run by the stack script on the ports and directory of faults-env.js.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Starts (and provisions) or stops the suite's broker through `docker/stack.sh`. */
export function faultsBroker(action: 'up' | 'down', extraEnv: Record<string, string> = {}): void {
  // Without KAFKA_BROKERS: set, it tells the stack script the broker is someone else's.
  const { KAFKA_BROKERS: _external, ...env } = process.env;
  execFileSync('bash', ['docker/stack.sh', action], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, ...extraEnv } });
}

/** Kills the suite's broker with SIGKILL, as a machine failure would. */
export function killFaultsBroker(): void {
  const pid = Number(readFileSync(`${process.env.LOCAL_KAFKA_DIR}/broker.pid`, 'utf8'));
  // The broker runs in a process group of its own (setsid): the wrapper shell and the JVM.
  process.kill(-pid, 'SIGKILL');
}

/** Stops PostgreSQL (its default fast shutdown cuts every session) or starts it, with the machine's cluster tool. */
export function postgresCluster(action: 'stop' | 'start'): void {
  const versions = execFileSync('ls', ['/etc/postgresql'], { encoding: 'utf8' }).trim().split('\n');
  const version = versions.sort((a, b) => Number(a) - Number(b)).pop()!;
  const args = ['--skip-systemctl-redirect', version, 'main', action];
  execFileSync('pg_ctlcluster', args, { stdio: ['ignore', 'ignore', 'inherit'] });
}
