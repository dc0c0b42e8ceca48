// `npm run test:fuzz -- --runs 10000 [--seed N] [--only 'POST /cases']`: the hostile-input fuzz alone,
// at the size asked for. Jest hands test files no command line, so the options travel as FUZZ_* variables.
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const usage = "usage: npm run test:fuzz -- [--runs N] [--seed N] [--only 'METHOD /path']";
const options = { runs: process.env.FUZZ_RUNS || '10000', seed: process.env.FUZZ_SEED, only: process.env.FUZZ_ONLY };
const args = process.argv.slice(2);
for (let index = 0; index < args.length; index += 1) {
  const [flag, inline] = args[index].split('=', 2);
  const name = flag.replace(/^--/, '');
  if (!['runs', 'seed', 'only'].includes(name)) fail(`unknown option ${args[index]}`);
  const value = inline ?? args[(index += 1)];
  if (value === undefined) fail(`${flag} needs a value`);
  if (name !== 'only' && !/^-?\d+$/.test(value)) fail(`${flag} must be an integer`);
  options[name] = value;
}
// A fresh seed each time unless one is given to replay; every failure names it.
options.seed ??= String(randomInt(2 ** 31));

console.log(
  `hostile input fuzz: ${options.runs} requests per operation, seed ${options.seed}${options.only ? `, only ${options.only}` : ''}`,
);
const env = { ...process.env, FUZZ_RUNS: options.runs, FUZZ_SEED: options.seed, ...(options.only ? { FUZZ_ONLY: options.only } : {}) };
run('npm', ['run', '--silent', 'build']);
run('bash', ['docker/stack.sh', 'up']);
run(process.execPath, [
  '--experimental-vm-modules',
  'node_modules/jest/bin/jest.js',
  '--runInBand',
  '--selectProjects',
  'integration',
  '--',
  'test/e2e/hostile-input-fuzz',
]);

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function fail(message) {
  console.error(`${message}\n${usage}`);
  process.exit(2);
}
