import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { root } from './bench-system.js';

const sharedData = process.env.SHARED_DATA_DIR ?? join(root, '..', 'shared', 'data');
let sample: string[][] | undefined;

/**
 * A synthetic AWSD export of `rows` rows built from the shared sample's rows, each with a
 * fresh incident id from `firstId` on (about 400 bytes a row).
 */
export function syntheticExport(rows: number, firstId: number): string {
  sample ??= parse(readFileSync(join(sharedData, 'awsd-sample.csv'))) as string[][];
  const [header, ...records] = sample;
  const out: string[][] = [header];
  for (let index = 0; index < rows; index++) {
    const record = [...records[index % records.length]];
    record[0] = String(firstId + index);
    out.push(record);
  }
  return stringify(out);
}
