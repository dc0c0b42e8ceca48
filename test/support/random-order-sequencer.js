// Jest test sequencer of `npm test`: test files in a random order, so a file that needs another
// file's data (or its absence) fails in CI instead of passing by luck of the alphabet.
// Plain JavaScript: Jest loads it outside its transform.

/**
 * Orders test files by a seeded shuffle and prints the seed first. The seed is TEST_ORDER_SEED
 * when set, otherwise Jest's own (--seed, else random), so `--seed=N` repeats a run's file order
 * and, with --randomize, the order of the tests inside each file.
 */
export default class RandomOrderSequencer {
  /** @param {{ globalConfig: { seed: number } }} options */
  constructor({ globalConfig }) {
    const given = process.env.TEST_ORDER_SEED;
    if (given !== undefined && !/^-?\d+$/.test(given)) throw new Error(`TEST_ORDER_SEED must be an integer, not ${JSON.stringify(given)}`);
    this.seed = given === undefined ? globalConfig.seed : Number(given);
  }

  /**
   * @template {{ path: string }} T
   * @param {T[]} tests
   * @returns {T[]}
   */
  sort(tests) {
    process.stderr.write(
      `Test files in random order, seed ${this.seed}: repeat with TEST_ORDER_SEED=${this.seed} (or --seed=${this.seed})\n`,
    );
    // Sorted first, so one seed gives one order whatever order Jest found the files in.
    const ordered = [...tests].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const random = mulberry32(this.seed);
    for (let i = ordered.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [ordered[i], ordered[j]] = [ordered[j], ordered[i]];
    }
    return ordered;
  }

  /** Nothing is cached: the order must not depend on earlier runs. */
  cacheResults() {}
}

/** A small seeded generator (Mulberry32): uniform enough to shuffle, and the same in every Node. */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
