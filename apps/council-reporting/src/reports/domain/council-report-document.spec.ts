import { councilReportData, councilReportDataWithoutCases } from '../../../../../test/factories/council-report.factory.js';
import { parsePeriod, rangePeriod } from '../../statistics/domain/reporting-period.js';
import {
  compactPositions,
  composeCouncilReport,
  monthsOf,
  type ChartBlock,
  type HeadingBlock,
  type ParagraphBlock,
  type ReportBlock,
  type TableBlock,
} from './council-report-document.js';
import { EnglishReportText } from './report-text.en.js';

const headings = (blocks: ReportBlock[]) => blocks.filter((block): block is HeadingBlock => block.kind === 'heading');
const paragraphs = (blocks: ReportBlock[]) => blocks.filter((block): block is ParagraphBlock => block.kind === 'paragraph');
const tables = (blocks: ReportBlock[]) => blocks.filter((block): block is TableBlock => block.kind === 'table');

/** The blocks of one chapter, from its heading to the next chapter's. */
function chapter(blocks: ReportBlock[], marker: string | null): ReportBlock[] {
  const start = blocks.findIndex((block) => block.kind === 'heading' && block.level === 1 && block.marker === marker);
  const end = blocks.findIndex((block, index) => index > start && block.kind === 'heading' && block.level === 1);
  return blocks.slice(start, end === -1 ? undefined : end);
}

describe('composeCouncilReport', () => {
  const sut = composeCouncilReport(councilReportData(), EnglishReportText);

  it('follows the order of a report to the Council: title, I–IV, annex', () => {
    expect(sut.blocks[0]).toMatchObject({ kind: 'title', details: expect.arrayContaining(['Data as at 15 February 2024, 06:00 UTC']) });
    expect(
      headings(sut.blocks)
        .filter((heading) => heading.level === 1)
        .map((heading) => [heading.marker, heading.text]),
    ).toEqual([
      ['I', 'Introduction'],
      ['II', 'Attacks on personnel, premises and assets'],
      ['III', 'Investigations and accountability'],
      ['IV', 'Observations'],
      [null, 'Annex'],
    ]);
    expect(headings(chapter(sut.blocks, 'III')).map((heading) => heading.marker)).toEqual(['III', 'A', 'B', 'C', 'D', 'E', 'F']);
  });

  it('numbers paragraphs continuously across chapters', () => {
    const numbers = paragraphs(sut.blocks).map((paragraph) => paragraph.number);
    expect(numbers).toEqual(numbers.map((_number, index) => index + 1));
  });

  it('numbers tables in order and refers to each before it', () => {
    const labels = tables(sut.blocks).map((table) => table.label);
    expect(labels).toEqual(labels.map((_label, index) => `Table ${index + 1}`));
    const text = sut.blocks.map((block) => ('text' in block ? block.text : '')).join('\n');
    for (const label of labels.slice(0, -1)) expect(text.toLowerCase()).toContain(label.toLowerCase());
  });

  it('shows the ten countries most affected of the twelve', () => {
    const countries = tables(sut.blocks)[0]!;
    expect(countries.rows).toHaveLength(10);
    expect(countries.rows[0]).toEqual(['Sudan', '62', '40', '33', '12', '8', '3', '2', '98', '93']);
    expect(countries.columns.map((column) => column.numeric)).toEqual([false, ...Array(9).fill(true)]);
  });

  it('charts incidents by month and personnel by year, the previous year included', () => {
    const charts = sut.blocks.filter((block): block is ChartBlock => block.kind === 'chart');
    expect(charts.map((chart) => chart.label)).toEqual(['Figure I', 'Figure II']);
    expect(charts[0]!.chart.categories).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
    expect(charts[1]!.chart.categories).toEqual(['2022', '2023']);
    expect(charts[1]!.chart.series.map((series) => series.name)).toEqual(['National and locally recruited', 'International']);
  });

  it('observes the long overdue reports, the unreferred determination and the national share, from the data only', () => {
    expect(paragraphs(chapter(sut.blocks, 'IV')).map((paragraph) => paragraph.text)).toEqual([
      'Progress reports were overdue by more than 90 days from 2 concerned States: Sudan (3 reports overdue, the longest by 142 days) and South Sudan (1 report overdue, by 98 days).',
      'In 1 case (CASE-2023-000019, South Sudan), the concerned State was determined to be unable or unwilling genuinely to investigate or prosecute, and no referral to an international mechanism had been made.',
      'National and locally recruited personnel accounted for 381 of the 399 humanitarian personnel affected in 2023 (95 per cent) and for 125 of the 129 killed (97 per cent).',
    ]);
  });

  it('lists every case of the annex, with a dash where there is nothing to show', () => {
    const annex = tables(chapter(sut.blocks, null))[0]!;
    expect(annex.rows).toHaveLength(12);
    expect(annex.rows.at(-1)).toEqual(['CASE-2024-000003', 'Sudan', 'Opened', '—', '0', '0', '—']);
    expect(annex.rows[0]).toEqual(['CASE-2023-000012', 'Sudan', 'Referred', '301', '2', '0', 'Under preliminary examination']);
  });

  it('says plainly when there are no cases', () => {
    const empty = composeCouncilReport(councilReportDataWithoutCases(), EnglishReportText);
    expect(chapter(empty.blocks, 'III').slice(1)).toEqual([
      {
        kind: 'paragraph',
        number: expect.any(Number),
        text: 'As at 15 February 2024, no case was being followed up under recommendation 6; there is therefore nothing to report on requests to concerned States, progress reports, assessments of investigations, referrals, prosecutions, capacity support or support to survivors and victims.',
      },
    ]);
    expect(paragraphs(chapter(empty.blocks, 'IV'))).toHaveLength(1);
    expect(chapter(empty.blocks, null).slice(1)).toEqual([
      { kind: 'paragraph', number: null, text: 'As at 15 February 2024, no case was being followed up under recommendation 6.' },
    ]);
  });

  it('leaves out tables and charts that would be empty when nothing happened', () => {
    const data = councilReportDataWithoutCases();
    const quiet = councilReportData({
      ...data,
      attacks: {
        ...data.attacks,
        current: { ...data.attacks.current, incidents: 0, countries: 0 },
        byCountry: [],
        byMonth: [],
        byYear: [],
        previous: { ...data.attacks.previous, period: parsePeriod('2022H2') },
      },
    });
    const document = composeCouncilReport(quiet, EnglishReportText);
    expect(document.blocks.filter((block) => block.kind === 'table' || block.kind === 'chart')).toEqual([]);
    expect(paragraphs(chapter(document.blocks, 'II'))[0]!.text).toBe(
      'In 2023, no incident affecting humanitarian personnel, premises or assets was recorded.',
    );
  });
});

describe('monthsOf', () => {
  it.each([
    [parsePeriod('2023'), 12, '2023-01', '2023-12'],
    [parsePeriod('2024H2'), 6, '2024-07', '2024-12'],
    [parsePeriod('2023+H1'), 18, '2023-01', '2024-06'],
    [rangePeriod('2023-11-15', '2024-02-14'), 4, '2023-11', '2024-02'],
  ])('%o has %i months', (period, count, first, last) => {
    const sut = monthsOf(period);
    expect([sut.length, sut[0], sut.at(-1)]).toEqual([count, first, last]);
  });
});

it('writes the watermark compactly, each topic once', () => {
  const sut = compactPositions([
    { topic: 'accountability.incidents.v1', partition: 0, nextOffset: '1842' },
    { topic: 'accountability.incidents.v1', partition: 1, nextOffset: '1790' },
    { topic: 'accountability.cases.v1', partition: 0, nextOffset: '96' },
  ]);
  expect(sut).toBe('accountability.incidents.v1[0@1842 1@1790]; accountability.cases.v1[0@96]');
});
