// How the bench summarises what it measured: the median of several runs with their range.

export interface Figure {
  median: number;
  min: number;
  max: number;
  runs: number;
}

export function figure(samples: readonly number[]): Figure {
  if (samples.length === 0) throw new Error('no samples');
  return { median: percentile(samples, 50), min: Math.min(...samples), max: Math.max(...samples), runs: samples.length };
}

/** The nearest-rank percentile. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export async function repeat<T = number>(runs: number, run: (index: number) => Promise<T>): Promise<T[]> {
  const samples: T[] = [];
  for (let index = 0; index < runs; index++) samples.push(await run(index));
  return samples;
}

export function describe({ median, min, max, runs }: Figure, unit: string): string {
  const digits = Math.abs(median) >= 100 ? 0 : Math.abs(median) >= 10 ? 1 : 2;
  const range = runs > 1 ? ` (${min.toFixed(digits)}–${max.toFixed(digits)})` : '';
  return `${median.toFixed(digits)}${range} ${unit}`;
}
