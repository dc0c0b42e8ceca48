import pdfMake from 'pdfmake';
import type { Content, CustomTableLayout, TableCell, TDocumentDefinitions, TFontDictionary } from 'pdfmake/interfaces.js';
import type {
  ChartBlock,
  ParagraphBlock,
  ReportBlock,
  ReportDocument,
  TableBlock,
  TitleBlock,
} from '../../domain/council-report-document.js';
import { renderCharts, type RenderedChart } from './charts.js';
import { captionText, headingText } from './markup.js';

// PDF's standard 14 fonts: every reader has them, so no font file is read or embedded.
const StandardFonts: TFontDictionary = {
  Times: { normal: 'Times-Roman', bold: 'Times-Bold', italics: 'Times-Italic', bolditalics: 'Times-BoldItalic' },
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
};
const StandardFontNames = new Set(Object.values(StandardFonts).flatMap((font) => Object.values(font) as string[]));

const Accent = '#1f4e79';
const ChartWidth = 440;

/** Rules between rows only, a heavier one under the header, tight padding for ten-column tables. */
const TableLayout: CustomTableLayout = {
  hLineWidth: (row, node) => (row === 0 || row === node.table.body.length ? 0.8 : row === 1 ? 0.8 : 0.3),
  hLineColor: (row) => (row === 1 ? '#333333' : '#999999'),
  vLineWidth: () => 0,
  paddingLeft: (column) => (column === 0 ? 0 : 3),
  paddingRight: () => 3,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

function title(block: TitleBlock): Content {
  return {
    stack: [
      { text: block.title, fontSize: 16, bold: true, margin: [0, 0, 0, 4] },
      { text: block.subtitle, fontSize: 11.5, bold: true, margin: [0, 0, 0, 8] },
      ...block.details.map((line): Content => ({ text: line, fontSize: 10 })),
      { text: block.watermark, font: 'Helvetica', fontSize: 6.5, color: '#555555', margin: [0, 6, 0, 0] },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 483, y2: 0, lineWidth: 1.5, lineColor: Accent }], margin: [0, 8, 0, 10] },
    ],
  };
}

function paragraph(block: ParagraphBlock): Content {
  if (block.number === null) return { text: block.text, alignment: 'justify', margin: [0, 0, 0, 6] };
  return {
    columns: [
      { width: 26, text: `${block.number}.` },
      { width: '*', text: block.text, alignment: 'justify' },
    ],
    margin: [0, 0, 0, 6],
  };
}

function caption(block: { label: string; title: string }): Content {
  return { text: captionText(block), bold: true, fontSize: 10, margin: [0, 4, 0, 4] };
}

function table(block: TableBlock): Content {
  const cell = (text: string, numeric: boolean, header = false): TableCell => ({
    text,
    bold: header,
    alignment: numeric ? 'right' : 'left',
  });
  const body = [
    block.columns.map((column) => cell(column.header, column.numeric, true)),
    ...block.rows.map((row) => row.map((text, index) => cell(text, block.columns[index]!.numeric))),
  ];
  return {
    stack: [
      caption(block),
      {
        table: {
          headerRows: 1,
          dontBreakRows: true,
          keepWithHeaderRows: 1,
          widths: block.columns.map(() => 'auto'),
          body,
        },
        layout: TableLayout,
        font: 'Helvetica',
        fontSize: 7.5,
      },
    ],
    margin: [0, 2, 0, 10],
  };
}

function chart(block: ChartBlock, rendered: RenderedChart): Content {
  return {
    stack: [caption(block), { svg: rendered.svg, width: ChartWidth, alignment: 'center' }],
    unbreakable: true,
    margin: [0, 2, 0, 10],
  };
}

function content(block: ReportBlock, charts: Map<ChartBlock, RenderedChart>): Content {
  switch (block.kind) {
    case 'title':
      return title(block);
    case 'heading':
      return block.level === 1
        ? { text: headingText(block), fontSize: 12.5, bold: true, margin: [0, 12, 0, 6], headlineLevel: 1 }
        : { text: headingText(block), fontSize: 11, bold: true, margin: [0, 8, 0, 4], headlineLevel: 2 };
    case 'paragraph':
      return paragraph(block);
    case 'table':
      return table(block);
    case 'chart':
      return chart(block, charts.get(block)!);
  }
}

/** An A4 PDF laid out as a United Nations document, charts as vector graphics. */
export async function renderPdf(doc: ReportDocument): Promise<Buffer> {
  const charts = await renderCharts(doc.blocks.filter((block): block is ChartBlock => block.kind === 'chart'));
  const asOf = new Date(doc.asOf);
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [56, 56, 56, 56],
    language: doc.languageTag,
    info: { title: doc.title, subject: doc.subtitle, keywords: doc.reference, creationDate: asOf, modDate: asOf },
    defaultStyle: { font: 'Times', fontSize: 10.5, lineHeight: 1.15 },
    content: doc.blocks.map((block) => content(block, charts)),
    // A heading is never the last line of a page.
    pageBreakBefore: (node, following) => node.headlineLevel !== undefined && following.getFollowingNodesOnPage().length === 0,
    footer: (page, pages) => ({
      text: `${doc.reference}   ${page}/${pages}`,
      alignment: 'center',
      font: 'Helvetica',
      fontSize: 7.5,
      color: '#555555',
    }),
  };
  // pdfmake is one configured instance per process: set everything it reads before each document.
  pdfMake.setFonts(StandardFonts);
  pdfMake.setUrlAccessPolicy(() => false);
  pdfMake.setLocalAccessPolicy((path) => StandardFontNames.has(path));
  return pdfMake.createPdf(definition).getBuffer();
}
