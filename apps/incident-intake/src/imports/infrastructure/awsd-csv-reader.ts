import { CsvError, parse } from 'csv-parse';
import type { AwsdRecord } from '../domain/awsd-record.js';
import { AwsdColumns, AwsdDetainedColumns, normaliseLabel, type AwsdColumn } from '../domain/awsd-vocabulary.js';

/** The file as a whole cannot be imported: it is empty or lacks AWSD columns. */
export class ImportLayoutError extends Error {
  constructor(readonly missingColumns: readonly string[]) {
    super(missingColumns.length > 0 ? `The file lacks the AWSD columns: ${missingColumns.join(', ')}` : 'The file has no header row');
    this.name = 'ImportLayoutError';
  }
}

/** A record with the line it starts on, or a row that cannot be read. */
export type CsvRow = { line: number; record: AwsdRecord } | { line: number; problem: string };

/** HXL-only exports have no names row; their hashtags, as AWSD writes them, stand for the columns. */
const hxlColumns = new Map<string, AwsdColumn>(
  (
    [
      ['#event+id', 'Incident ID'],
      ['#date+year', 'Year'],
      ['#date+month', 'Month'],
      ['#date+day', 'Day'],
      ['#country+code', 'Country Code'],
      ['#country+name+i_en', 'Country'],
      ['#adm1+name+i_en', 'Region'],
      ['#adm2+name+i_en', 'District'],
      ['#adm3+name+i_en', 'City'],
      ['#affected+UN', 'UN'],
      ['#affected+INGO', 'INGO'],
      ['#affected+ICRC', 'ICRC'],
      ['#affected+IFRC', 'NRCS and IFRC'],
      ['#affected+NGO', 'NNGO'],
      ['#affected+other', 'Other'],
      ['#affected+killed+national', 'Nationals killed'],
      ['#affected+injured+national', 'Nationals wounded'],
      ['#affected+kidnapped+national', 'Nationals kidnapped'],
      ['#affected+detained+national', 'Nationals detained'],
      ['#affected+total+national', 'Total nationals'],
      ['#affected+killed+international', 'Internationals killed'],
      ['#affected+injured+international', 'Internationals wounded'],
      ['#affected+kidnapped+international', 'Internationals kidnapped'],
      ['#affected+detained+international', 'Internationals detained'],
      ['#affected+total+international', 'Total internationals'],
      ['#affected+total+killed', 'Total killed'],
      ['#affected+total+injured', 'Total wounded'],
      ['#affected+total+kidnapped', 'Total kidnapped'],
      ['#affected+total+detained', 'Total detained'],
      ['#affected+total', 'Total affected'],
      ['#affected+total+m', 'Gender Male'],
      ['#affected+total+f', 'Gender Female'],
      ['#affected+total+i', 'Gender Unknown'],
      ['#event+means+i_en', 'Means of attack'],
      ['#event+type+i_en', 'Attack context'],
      ['#loc+type+i_en', 'Location'],
      ['#geo+lat', 'Latitude'],
      ['#geo+lon', 'Longitude'],
      ['#x_event_motive', 'Motive'],
      ['#group+type+i_en', 'Actor type'],
      ['#group+name+i_en', 'Actor name'],
      ['#description+i_en', 'Details'],
    ] as const
  ).map(([hashtag, column]) => [normaliseHashtag(hashtag), column]),
);

const columnsByName = new Map<string, AwsdColumn>(
  [...AwsdColumns, ...AwsdDetainedColumns].map((column) => [normaliseLabel(column), column]),
);

/** AWSD's HXL row gives these no hashtag, so an HXL-only export cannot carry them. */
const optionalColumns: readonly AwsdColumn[] = ['Verified', 'Source'];

/**
 * Reads an AWSD CSV export (41 columns, or 44 with the detained columns; names header with an
 * optional HXL row below it, or HXL hashtags only) one record at a time.
 *
 * Throws ImportLayoutError before the first record if the header is unusable. Malformed CSV
 * (e.g. an unclosed quote) ends the rows with `{ line, problem }` for the record that could not be
 * read, after every record before it: nothing after that point can be trusted.
 */
export async function* readAwsdCsv(input: NodeJS.ReadableStream | AsyncIterable<Buffer | string>): AsyncGenerator<CsvRow> {
  let layout: Layout | undefined;
  let mayBeHxlRow = false;
  // Counted here rather than taken from csv-parse, which counts a CRLF inside a quoted field as two lines.
  let line = 1;
  try {
    for await (const fields of csvRecords(input)) {
      const start = line;
      line += 1 + fields.reduce((breaks, field) => breaks + (field.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
      // Blank lines, and rows of empty cells as spreadsheets leave them.
      if (fields.every((field) => field.trim() === '')) continue;

      if (layout === undefined) {
        layout = Layout.of(fields);
        mayBeHxlRow = !isHxlRow(fields);
        continue;
      }
      if (mayBeHxlRow) {
        mayBeHxlRow = false;
        if (isHxlRow(fields)) continue;
      }
      yield fields.length === layout.width
        ? { line: start, record: layout.recordOf(fields) }
        : { line: start, problem: `has ${fields.length} fields, the header has ${layout.width}` };
    }
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    yield { line, problem: error.message };
    return;
  }
  if (layout === undefined) throw new ImportLayoutError([]);
}

/** Which AWSD column each field position holds. */
class Layout {
  private constructor(
    readonly width: number,
    private readonly positions: readonly [AwsdColumn, number][],
  ) {}

  static of(header: string[]): Layout {
    const hxl = isHxlRow(header);
    const positions = header.flatMap((cell, position): [AwsdColumn, number][] => {
      const column = hxl ? hxlColumns.get(normaliseHashtag(cell)) : columnsByName.get(normaliseLabel(cell));
      return column === undefined ? [] : [[column, position]];
    });
    const found = new Set(positions.map(([column]) => column));
    const required = [
      ...AwsdColumns.filter((column) => !optionalColumns.includes(column)),
      ...(AwsdDetainedColumns.some((column) => found.has(column)) ? AwsdDetainedColumns : []),
    ];
    const missing = required.filter((column) => !found.has(column));
    if (missing.length > 0) throw new ImportLayoutError(missing);
    return new Layout(header.length, positions);
  }

  recordOf(fields: string[]): AwsdRecord {
    return Object.fromEntries(this.positions.map(([column, position]) => [column, fields[position].trim()]));
  }
}

function isHxlRow(fields: string[]): boolean {
  return (
    fields
      .find((field) => field.trim() !== '')
      ?.trim()
      .startsWith('#') ?? false
  );
}

/** HXL is case-insensitive and its attributes come in any order. */
function normaliseHashtag(hashtag: string): string {
  const [tag, ...attributes] = hashtag.replace(/\s+/g, '').toLowerCase().split('+');
  return [tag, ...attributes.sort()].join('+');
}

/**
 * The records of a CSV stream as arrays of raw fields, one input chunk at a time. Records are
 * taken in `on_record` rather than read from the parser's output, because a parse error
 * destroys that output and would drop the records of its chunk that came before the error.
 */
async function* csvRecords(input: AsyncIterable<Buffer | string>): AsyncGenerator<string[]> {
  const records: string[][] = [];
  const parser = parse({
    bom: true,
    relax_column_count: true,
    on_record: (record: string[]) => {
      records.push(record);
      return null;
    },
  });
  // Errors arrive through the write callbacks; without a listener the 'error' event would crash the process.
  parser.on('error', () => undefined);
  const settle = (chunk?: Buffer | string) =>
    new Promise<Error | null | undefined>((resolve) => (chunk === undefined ? parser.end(resolve) : parser.write(chunk, resolve)));
  try {
    for await (const chunk of input) {
      const error = await settle(chunk);
      yield* records.splice(0);
      if (error) throw error;
    }
    const error = await settle();
    yield* records.splice(0);
    if (error) throw error;
  } finally {
    parser.destroy();
  }
}
