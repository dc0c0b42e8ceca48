import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { checkPersonnelFigures, sumOf } from '../../incidents/domain/personnel-counts.js';
import { mapAwsdRecord, type AwsdRecord } from '../domain/awsd-record.js';
import { AwsdColumns } from '../domain/awsd-vocabulary.js';
import { ImportLayoutError, readAwsdCsv, type CsvRow } from './awsd-csv-reader.js';
import { sharedDataFile } from '../../../../../test/support/shared-data.js';

/** The shared folder sits beside the repository. */
const sample = sharedDataFile;

async function readAll(input: NodeJS.ReadableStream | AsyncIterable<Buffer | string>): Promise<CsvRow[]> {
  const rows: CsvRow[] = [];
  for await (const row of readAwsdCsv(input)) rows.push(row);
  return rows;
}

function recordsOf(rows: CsvRow[]): AwsdRecord[] {
  return rows.map((row) => {
    if ('problem' in row) throw new Error(`line ${row.line}: ${row.problem}`);
    return row.record;
  });
}

/** Line on which each record starts, by Incident ID. */
function startLines(rows: CsvRow[], ids: string[]): Record<string, number> {
  return Object.fromEntries(
    rows.flatMap((row) => ('record' in row && ids.includes(row.record['Incident ID']) ? [[row.record['Incident ID'], row.line]] : [])),
  );
}

const header = AwsdColumns.join(',');
/** Record 8 of awsd-sample.csv under another id. */
const row = (id: string) =>
  `${id},2023,6,19,SO,Somalia,,,,0,0,1,0,0,0,1,0,0,1,0,0,0,0,1,0,0,1,0,0,1,Complex attack,Unknown,Office/compound,,,Economic,Unaffiliated,Unknown,Synthetic record,Yes,Focal Point`;

describe('readAwsdCsv', () => {
  describe('awsd-sample.csv (41 columns)', () => {
    let rows: CsvRow[];
    beforeAll(async () => {
      rows = await readAll(createReadStream(sample('awsd-sample.csv')));
    });

    it('reads 55 records, each mapping to incident details whose counts agree with their totals', () => {
      const sut = recordsOf(rows).map(mapAwsdRecord);

      expect(sut).toHaveLength(55);
      expect(sut.filter((mapping) => !mapping.ok)).toEqual([]);
      expect(sut.map((mapping) => mapping.ok && checkPersonnelFigures(mapping.details).problems).flat()).toEqual([]);
    });

    it('adds up to the figures per year of awsd-sample.expected.json', async () => {
      const expected = JSON.parse(await readFile(sample('awsd-sample.expected.json'), 'utf8')).per_year;
      const perYear: Record<
        string,
        {
          incidents: number;
          killed: number;
          wounded: number;
          kidnapped: number;
          nationals: number;
          internationals: number;
          countries: Set<string>;
        }
      > = {};
      for (const mapping of recordsOf(rows).map(mapAwsdRecord)) {
        if (!mapping.ok) throw new Error(JSON.stringify(mapping.problems));
        const { occurredOn, countryCode, personnel } = mapping.details;
        const year = (perYear[occurredOn.slice(0, 4)] ??= {
          incidents: 0,
          killed: 0,
          wounded: 0,
          kidnapped: 0,
          nationals: 0,
          internationals: 0,
          countries: new Set(),
        });
        year.incidents += 1;
        year.killed += sumOf(personnel, 'killed');
        year.wounded += sumOf(personnel, 'wounded');
        year.kidnapped += sumOf(personnel, 'kidnapped');
        year.nationals += sumOf(personnel.filter((count) => count.status === 'national'));
        year.internationals += sumOf(personnel.filter((count) => count.status === 'international'));
        year.countries.add(countryCode);
      }

      const sut = Object.fromEntries(
        Object.entries(perYear).map(([year, { countries, ...figures }]) => [year, { ...figures, countries: countries.size }]),
      );
      expect(sut).toEqual(expected);
    });

    it('gives the line each record starts on, multi-line records included', () => {
      expect(startLines(rows, ['1', '2', '6', '7', '15', '55'])).toEqual({ 1: 2, 2: 5, 6: 9, 7: 12, 15: 20, 55: 82 });
    });

    it('trims values but keeps the line breaks inside them', () => {
      const [first, second] = recordsOf(rows);
      expect(first.Details).toBe(
        'Synthetic record 1: 1 national staff affected in Mali.\nFollow-up: the organisation suspended movements in the area.\n"Quoted" line kept.',
      );
      expect(second.Source).toBe('Official Report');
    });

    it('reads the same when the file arrives in small chunks', async () => {
      expect(await readAll(createReadStream(sample('awsd-sample.csv'), { highWaterMark: 7 }))).toEqual(rows);
    });
  });

  describe('awsd-sample-hxl.csv (44 columns, HXL row below the names)', () => {
    let rows: CsvRow[];
    beforeAll(async () => {
      rows = await readAll(createReadStream(sample('awsd-sample-hxl.csv')));
    });

    it('skips the HXL row and reads 60 records, each mapping to incident details', () => {
      const sut = recordsOf(rows).map(mapAwsdRecord);

      expect(rows[0]).toMatchObject({ line: 3, record: { 'Incident ID': '1' } });
      expect(
        recordsOf(rows)
          .flatMap(Object.values)
          .filter((value) => value.startsWith('#')),
      ).toEqual([]);
      expect(sut).toHaveLength(60);
      expect(sut.filter((mapping) => !mapping.ok)).toEqual([]);
      expect(sut.map((mapping) => mapping.ok && checkPersonnelFigures(mapping.details).problems).flat()).toEqual([]);
      expect(sut.map((mapping) => (mapping.ok ? sumOf(mapping.details.personnel, 'detained') : 0)).reduce((a, b) => a + b)).toBeGreaterThan(
        0,
      );
    });

    it('gives the line each record starts on, multi-line records included', () => {
      expect(startLines(rows, ['1', '2', '6', '7', '60'])).toEqual({ 1: 3, 2: 6, 6: 10, 7: 13, 60: 88 });
    });

    it('reads the hashtags alone as the header, without Verified and Source, which have none', async () => {
      const text = await readFile(sample('awsd-sample-hxl.csv'), 'utf8');

      const sut = await readAll(Readable.from([text.slice(text.indexOf('\n') + 1)]));

      expect(sut).toEqual(
        rows.map((row) => {
          if (!('record' in row)) throw new Error(row.problem);
          const { Verified: _verified, Source: _source, ...record } = row.record;
          return { line: row.line - 1, record };
        }),
      );
    });
  });

  it('reads an HXL-only export whatever the case and order of the attributes', async () => {
    const hashtags = [
      '#event+id,#date+year,#date+month,#date+day,#country+code,#country+name+i_en,#adm1+name+i_en,#adm2+name+i_en,#adm3+name+i_en',
      '#affected+un,#affected+ingo,#affected+icrc,#affected+ifrc,#affected+ngo,#affected+other',
      '#affected+national+killed,#affected+national+injured,#affected+national+kidnapped,#affected+national+total',
      '#affected+international+killed,#affected+international+injured,#affected+international+kidnapped,#affected+international+total',
      '#affected+killed+total,#affected+injured+total,#affected+kidnapped+total,#affected+total,#affected+m+total,#affected+f+total,#affected+i+total',
      '#EVENT+MEANS+I_EN,#event+type+i_en,#loc+type+i_en,#geo+lat,#geo+lon,#x_event_motive,#group+type+i_en,#group+name+i_en,#description+i_en,,',
    ].join(',');

    const sut = await readAll(Readable.from([`${hashtags}\n${row('8')}\n`]));

    expect(sut).toEqual([
      { line: 2, record: expect.objectContaining({ 'Incident ID': '8', 'Nationals killed': '1', 'Means of attack': 'Complex attack' }) },
    ]);
    expect(mapAwsdRecord(recordsOf(sut)[0])).toMatchObject({ ok: true });
  });

  it('matches the column names whatever their case and spacing', async () => {
    const sut = await readAll(Readable.from([`${AwsdColumns.map((column) => ` ${column.toUpperCase()} `).join(',')}\n${row('8')}\n`]));
    expect(sut).toEqual([{ line: 2, record: expect.objectContaining({ 'Incident ID': '8', 'Country Code': 'SO' }) }]);
  });

  it.each([
    ['a BOM in a string', ['\uFEFF', `${header}\n${row('8')}\n`]],
    ['a BOM in a buffer', [Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${header}\n${row('8')}\n`)]],
  ])('reads the first column name after %s', async (_case, chunks) => {
    const sut = await readAll(Readable.from(chunks));
    expect(sut).toEqual([{ line: 2, record: expect.objectContaining({ 'Incident ID': '8' }) }]);
  });

  it.each([
    ['Year and Total killed', header.replace('Year,', 'Yr,').replace('Total killed,', ''), ['Year', 'Total killed']],
    ['the other detained columns', `${header},Nationals detained`, ['Internationals detained', 'Total detained']],
  ])('refuses a file that lacks %s', async (_case, names, missingColumns) => {
    const attempt = readAll(Readable.from([`${names}\n${row('8')}\n`]));
    await expect(attempt).rejects.toThrow(ImportLayoutError);
    await expect(attempt).rejects.toMatchObject({
      missingColumns,
      message: `The file lacks the AWSD columns: ${missingColumns.join(', ')}`,
    });
  });

  it('refuses a file without a header row', async () => {
    await expect(readAll(Readable.from(['\n  \n']))).rejects.toThrow(new ImportLayoutError([]));
  });

  it('reports a record with another number of fields than the header, and reads on', async () => {
    const sut = await readAll(
      Readable.from([`${header}\n${row('1')}\n${row('2')},extra\n${row('3').replace(',Yes,Focal Point', '')}\n${row('4')}\n`]),
    );

    expect(sut).toEqual([
      { line: 2, record: expect.objectContaining({ 'Incident ID': '1' }) },
      { line: 3, problem: 'has 42 fields, the header has 41' },
      { line: 4, problem: 'has 39 fields, the header has 41' },
      { line: 5, record: expect.objectContaining({ 'Incident ID': '4' }) },
    ]);
  });

  it('counts blank lines and CRLF line breaks, inside quoted fields too', async () => {
    const multiLine = row('2').replace('Synthetic record', '"First\r\nSecond\r\nThird"');

    const sut = await readAll(Readable.from([`${header}\r\n\r\n${row('1')}\r\n${multiLine}\r\n\r\n${row('3')}\r\n`]));

    expect(sut.map((row) => row.line)).toEqual([3, 4, 8]);
    expect(recordsOf(sut)[1].Details).toBe('First\r\nSecond\r\nThird');
  });

  it('ends with a problem at the record that cannot be read, after the records before it', async () => {
    const unclosed = row('2').replace('Synthetic record', '"Never closed');

    const sut = await readAll(Readable.from([`${header}\n${row('1')}\n${unclosed}\n${row('3')}\n`]));

    expect(sut).toEqual([
      { line: 2, record: expect.objectContaining({ 'Incident ID': '1' }) },
      { line: 3, problem: expect.stringContaining('Quote Not Closed') },
    ]);
  });
});
