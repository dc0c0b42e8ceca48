/**
 * Every format of a Council report, opened the way a reader's tools open it: pdftotext
 * for the PDF, mammoth for Word, headless Chromium for HTML, a CSV parser for the CSV.
 * Needs no database or broker, but the binaries `pdftotext`, `pdftoppm` and `chromium`
 * (poppler-utils and chromium; .ci/run installs them).
 *
 * JSON and Markdown are compared byte for byte with test/reports/golden/. After a change
 * meant to alter the report, regenerate them (and docs/council-report-first-page.png), then
 * read the diff as a reader of the report would:
 *
 *   UPDATE_GOLDEN=1 node --experimental-vm-modules node_modules/jest/bin/jest.js \
 *     --selectProjects integration test/reports/report-formats
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import mammoth from 'mammoth';
import type { CouncilReportData } from '../../apps/council-reporting/src/reports/domain/council-report.js';
import { ReportFormats, type ReportFormat } from '#contracts';
import { renderReport } from '../../apps/council-reporting/src/reports/infrastructure/rendering/report-renderer.js';
import { councilReportData } from '../factories/council-report.factory.js';

const run = promisify(execFile);
const updateGolden = process.env.UPDATE_GOLDEN === '1';
const goldenDir = join(process.cwd(), 'test/reports/golden');

/** Sentences and markers every format must carry, whatever its layout. */
const KeySentences = [
  'In 2023, 129 humanitarian personnel were killed in 11 countries; 125 of them (97 per cent) were national or locally recruited personnel.',
  'I. Introduction',
  'II. Attacks on personnel, premises and assets',
  'III. Investigations and accountability',
  'IV. Observations',
  'Annex',
  'CASE-2023-000019',
  'Progress reports were overdue by more than 90 days from 2 concerned States: Sudan',
];

/** Runs of white space as one space, so line breaks and justification do not matter. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

function expectKeySentences(text: string): void {
  for (const sentence of KeySentences) expect(flat(text)).toContain(sentence);
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The same object with every key in reverse order: canonical output must not care. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([key, member]) => [key, reversedKeys(member)]),
    );
  return value;
}

describe('Council report formats', () => {
  const data = councilReportData();
  let dir: string;
  const rendered = new Map<ReportFormat, Buffer>();

  async function file(format: ReportFormat): Promise<string> {
    const path = join(dir, `council-report.${format}`);
    await writeFile(path, rendered.get(format)!);
    return path;
  }

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'council-report-'));
    for (const format of ReportFormats) rendered.set(format, (await renderReport(data, format)).bytes);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each([
    ['json', 'application/json', 'json'],
    ['md', 'text/markdown; charset=utf-8', 'md'],
    ['html', 'text/html; charset=utf-8', 'html'],
    ['pdf', 'application/pdf', 'pdf'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
    ['csv', 'text/csv; charset=utf-8; header=present', 'csv'],
  ] as const)('names the media type and extension of %s', async (format, mediaType, fileExtension) => {
    const sut = await renderReport(data, format);
    expect({ mediaType: sut.mediaType, fileExtension: sut.fileExtension }).toEqual({ mediaType, fileExtension });
  });

  describe.each(['json', 'md'] as const)('%s', (format) => {
    it('matches its golden file byte for byte', async () => {
      const golden = join(goldenDir, `council-report.${format}`);
      if (updateGolden) await writeFile(golden, rendered.get(format)!);
      const expected = await readFile(golden);
      expect(rendered.get(format)!.toString('utf8')).toBe(expected.toString('utf8'));
      expect(rendered.get(format)!.equals(expected)).toBe(true);
    });

    it('is the same bytes for the same figures, whatever their key order', async () => {
      const again = await renderReport(reversedKeys(data) as CouncilReportData, format);
      expect(again.bytes.equals(rendered.get(format)!)).toBe(true);
    });
  });

  it('JSON is canonical, ends with a newline and reads back as the same figures', () => {
    const json = rendered.get('json')!.toString('utf8');
    expect(json.endsWith('}\n')).toBe(true);
    expect(JSON.parse(json)).toEqual(data);
  });

  it('Markdown carries the key sentences and every table', () => {
    const markdown = rendered.get('md')!.toString('utf8');
    expectKeySentences(markdown);
    expect(markdown.match(/^\*\*Table \d+\./gm)).toHaveLength(7);
  });

  describe('PDF', () => {
    it('reads back with pdftotext: sentences, headings, annex', async () => {
      const { stdout } = await run('pdftotext', ['-layout', await file('pdf'), '-'], { maxBuffer: 16 * 1024 * 1024 });
      expectKeySentences(stdout);
      expect(flat(stdout)).toContain('Figure I. Incidents affecting humanitarian personnel, premises or assets by month, 2023');
    });

    it('is dated from the data, not the clock', async () => {
      const { stdout } = await run('pdfinfo', ['-isodates', await file('pdf')]);
      expect(stdout).toMatch(/CreationDate:\s+2024-02-15T06:00:00(Z|\+00)/);
      expect(stdout).toMatch(/ModDate:\s+2024-02-15T06:00:00(Z|\+00)/);
      expect(stdout).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    });

    it('renders its first page as an image', async () => {
      const prefix = join(dir, 'first-page');
      await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', await file('pdf'), prefix]);
      const png = await readFile(`${prefix}.png`);
      // 60 dpi of A4; poppler versions round the width differently.
      const { width, height } = pngSize(png);
      expect([Math.abs(width - 496) <= 1, height]).toEqual([true, 702]);
      expect(png.length).toBeGreaterThan(20_000);
      if (updateGolden) await copyFile(`${prefix}.png`, join(process.cwd(), 'docs/council-report-first-page.png'));
    });
  });

  describe('Word', () => {
    it('reads back with mammoth: sentences, headings, annex', async () => {
      const { value } = await mammoth.extractRawText({ buffer: rendered.get('docx')! });
      expectKeySentences(value);
      expect(flat(value)).toContain(
        '11. Under recommendation 6.1, 11 requests to investigate were addressed to 5 concerned States in 11 of the 12 cases followed up',
      );
    });

    it('embeds both charts as PNG pictures with alt text', async () => {
      const images: string[] = [];
      const { value: html } = await mammoth.convertToHtml(
        { buffer: rendered.get('docx')! },
        {
          convertImage: mammoth.images.imgElement(async (image) => {
            images.push(image.contentType);
            return { src: '' };
          }),
        },
      );
      expect(images).toEqual(['image/png', 'image/png']);
      expect(html).toContain('alt="Figure I. Incidents affecting humanitarian personnel');
      expect(html).toMatch(/<h1>I\. Introduction<\/h1>/);
    });
  });

  describe('HTML in headless Chromium', () => {
    /** Chromium with its own empty profile and nothing that reaches the network. */
    async function chromium(...args: string[]): Promise<string> {
      const profile = await mkdtemp(join(tmpdir(), 'chromium-profile-'));
      try {
        const flags = [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          `--user-data-dir=${profile}`,
        ];
        const { stdout } = await run('chromium', [...flags, ...args], { maxBuffer: 32 * 1024 * 1024, timeout: 90_000 });
        return stdout;
      } finally {
        await rm(profile, { recursive: true, force: true });
      }
    }

    it('has the key sentences and two inline SVG charts in its DOM', async () => {
      const dom = await chromium('--dump-dom', pathToFileURL(await file('html')).href);
      expect(dom).toContain('<html lang="en">');
      expect(dom.match(/<figure class="chart"[^>]*>\s*<figcaption>[^<]*<\/figcaption>\s*<svg /g)).toHaveLength(2);
      expectKeySentences(dom.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&'));
    });

    it('prints an A4-sized screenshot', async () => {
      const screenshot = join(dir, 'council-report.png');
      await chromium(`--screenshot=${screenshot}`, '--window-size=1240,1754', pathToFileURL(await file('html')).href);
      expect(pngSize(await readFile(screenshot))).toEqual({ width: 1240, height: 1754 });
      expect((await stat(screenshot)).size).toBeGreaterThan(50_000);
    });
  });

  it('CSV is the country table with HXL hashtags under its header', () => {
    const [header, hashtags, ...rows] = parse(rendered.get('csv')!) as string[][];
    expect(header!.slice(0, 6)).toEqual(['Country code', 'Country', 'Year', 'Period start', 'Period end', 'Incidents']);
    expect(hashtags!.slice(0, 9)).toEqual([
      '#country+code',
      '#country+name',
      '#date+year',
      '#date+start',
      '#date+end',
      '#event+num',
      '#affected+killed+national',
      '#affected+killed+international',
      '#affected+killed',
    ]);
    expect(hashtags).toEqual(
      expect.arrayContaining(['#affected+injured', '#affected+abducted', '#affected+sexual_violence+national', '#affected']),
    );
    expect(rows).toHaveLength(data.attacks.byCountry.length);
    const sudan = Object.fromEntries(hashtags!.map((tag, index) => [tag, rows[0]![index]]));
    expect(sudan).toMatchObject({
      '#country+code': 'SD',
      '#country+name': 'Sudan',
      '#date+year': '2023',
      '#affected+killed': '40',
      '#affected': '98',
    });
  });
});
