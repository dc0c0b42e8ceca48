import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { ChartBlock, ReportBlock, ReportDocument, TableBlock, TitleBlock } from '../../domain/council-report-document.js';
import { renderCharts, svgToPng, type RenderedChart } from './charts.js';
import { captionText, escapeXml, headingText } from './markup.js';

// Twips: 20 to the point, 567 to the centimetre.
const NumberIndent = 567;
const Rule = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const NoBorder = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
// Word's page width less margins is about 16 cm; a chart a little narrower, in CSS pixels.
const ChartWidthPixels = 580;

function title(block: TitleBlock): Paragraph[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(block.title)] }),
    new Paragraph({ spacing: { after: 160 }, children: [new TextRun({ text: block.subtitle, bold: true })] }),
    ...block.details.map((line) => new Paragraph({ children: [new TextRun(line)] })),
    new Paragraph({
      spacing: { before: 120, after: 240 },
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: '1F4E79', space: 6 } },
      children: [new TextRun({ text: block.watermark, size: 13, color: '555555', font: 'Arial' })],
    }),
  ];
}

function caption(block: { label: string; title: string }): Paragraph {
  return new Paragraph({
    keepNext: true,
    spacing: { before: 120, after: 80 },
    children: [new TextRun({ text: captionText(block), bold: true })],
  });
}

function table(block: TableBlock): FileChild[] {
  const cell = (text: string, numeric: boolean, header: boolean) =>
    new TableCell({
      borders: { top: NoBorder, left: NoBorder, right: NoBorder, bottom: Rule },
      children: [
        new Paragraph({
          alignment: numeric ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text, bold: header, size: 16, font: 'Arial' })],
        }),
      ],
    });
  const rows = [
    new TableRow({ tableHeader: true, children: block.columns.map((column) => cell(column.header, column.numeric, true)) }),
    ...block.rows.map(
      (row) => new TableRow({ cantSplit: true, children: row.map((text, index) => cell(text, block.columns[index]!.numeric, false)) }),
    ),
  ];
  return [
    caption(block),
    new Table({ width: { size: '100%', type: WidthType.PERCENTAGE }, rows }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function chart(block: ChartBlock, rendered: RenderedChart): FileChild[] {
  const scale = ChartWidthPixels / rendered.width;
  return [
    caption(block),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 200 },
      children: [
        new ImageRun({
          type: 'png',
          data: svgToPng(rendered.svg),
          transformation: { width: ChartWidthPixels, height: Math.round(rendered.height * scale) },
          altText: { name: block.label, title: captionText(block), description: captionText(block) },
        }),
      ],
    }),
  ];
}

function children(block: ReportBlock, charts: Map<ChartBlock, RenderedChart>): FileChild[] {
  switch (block.kind) {
    case 'title':
      return title(block);
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: [new TextRun(headingText(block))],
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          spacing: { after: 120 },
          ...(block.number === null
            ? { children: [new TextRun(block.text)] }
            : {
                indent: { left: NumberIndent, hanging: NumberIndent },
                children: [new TextRun({ children: [`${block.number}.`, new Tab(), block.text] })],
              }),
        }),
      ];
    case 'table':
      return table(block);
    case 'chart':
      return chart(block, charts.get(block)!);
  }
}

/** docx writes the wall-clock time into the core properties; these carry the data date instead. */
function coreProperties(doc: ReportDocument): string {
  const date = new Date(doc.asOf).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(doc.title)}</dc:title>` +
    `<dc:subject>${escapeXml(doc.subtitle)}</dc:subject>` +
    `<cp:keywords>${escapeXml(doc.reference)}</cp:keywords>` +
    `<dc:language>${escapeXml(doc.languageTag)}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/** A Word document: real headings, numbered paragraphs with a hanging indent, tables, charts as PNG. */
export async function renderDocx(doc: ReportDocument): Promise<Buffer> {
  const charts = await renderCharts(doc.blocks.filter((block): block is ChartBlock => block.kind === 'chart'));
  const document = new Document({
    title: doc.title,
    subject: doc.subtitle,
    keywords: doc.reference,
    styles: {
      default: {
        document: { run: { font: 'Times New Roman', size: 22 } },
        title: { run: { font: 'Times New Roman', size: 32, bold: true, color: '000000' }, paragraph: { spacing: { after: 80 } } },
        heading1: {
          run: { font: 'Times New Roman', size: 25, bold: true, color: '000000' },
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading2: {
          run: { font: 'Times New Roman', size: 22, bold: true, color: '000000' },
          paragraph: { spacing: { before: 180, after: 100 }, keepNext: true },
        },
      },
    },
    sections: [{ children: doc.blocks.flatMap((block) => children(block, charts)) }],
  });
  return Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: coreProperties(doc) }]);
}
