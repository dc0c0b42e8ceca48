/** Requests per operation when FUZZ_RUNS is not set: what `npm test` (and CI) runs. */
export const DEFAULT_RUNS = 300;

/** The seed when FUZZ_SEED is not set, so `npm test` sends the same requests every time. */
export const DEFAULT_SEED = 2730;

export interface FuzzSettings {
  runs: number;
  seed: number;
  /** Only operations whose key (`POST /cases`) contains this text, to replay one. */
  only?: string;
}

/** FUZZ_RUNS, FUZZ_SEED and FUZZ_ONLY, as `npm run test:fuzz` or a replay sets them. */
export function fuzzSettings(env: NodeJS.ProcessEnv = process.env): FuzzSettings {
  const runs = integerOf('FUZZ_RUNS', env.FUZZ_RUNS, DEFAULT_RUNS);
  const seed = integerOf('FUZZ_SEED', env.FUZZ_SEED, DEFAULT_SEED);
  if (runs < 1) throw new Error('FUZZ_RUNS must be at least 1');
  return { runs, seed, only: env.FUZZ_ONLY || undefined };
}

/** The seed of one operation: the run's seed mixed with the operation's key, so operations differ yet replay alone. */
export function operationSeed(seed: number, key: string): number {
  let hash = seed | 0;
  for (const character of key) hash = (Math.imul(hash, 31) + character.charCodeAt(0)) | 0;
  return hash;
}

function integerOf(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  if (!/^-?\d+$/.test(text)) throw new Error(`${name} must be an integer, not ${JSON.stringify(text)}`);
  return Number(text);
}
