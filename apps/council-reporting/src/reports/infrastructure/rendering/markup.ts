import type {
  ChartBlock,
  HeadingBlock,
  ParagraphBlock,
  ReportDocument,
  TableBlock,
  TitleBlock,
} from '../../domain/council-report-document.js';

/**
 * How one markup language writes each kind of block. The walker below is the only place
 * that goes through a document, so Markdown and HTML say the same things in the same order.
 * Every method escapes the text it writes.
 */
export interface MarkupDialect {
  document(doc: ReportDocument, body: string): string;
  title(block: TitleBlock): string;
  heading(block: HeadingBlock): string;
  paragraph(block: ParagraphBlock): string;
  table(block: TableBlock): string;
  /** `svg` is the rendered chart when the dialect can embed one. */
  chart(block: ChartBlock, svg: string | undefined): string;
}

/** Escapes text for HTML and XML, attributes included. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/** Writes a report in one markup language; `charts` holds the SVG of each chart block, if embedded. */
export function renderMarkup(doc: ReportDocument, dialect: MarkupDialect, charts: ReadonlyMap<ChartBlock, string> = new Map()): string {
  const parts = doc.blocks.map((block) => {
    switch (block.kind) {
      case 'title':
        return dialect.title(block);
      case 'heading':
        return dialect.heading(block);
      case 'paragraph':
        return dialect.paragraph(block);
      case 'table':
        return dialect.table(block);
      case 'chart':
        return dialect.chart(block, charts.get(block));
    }
  });
  return dialect.document(doc, parts.join('\n'));
}

/** A chart's data as a table, for formats that show the figures instead of the picture. */
export function chartAsTable(block: ChartBlock): TableBlock {
  const { chart } = block;
  return {
    kind: 'table',
    label: block.label,
    title: block.title,
    columns: [{ header: chart.categoryTitle, numeric: false }, ...chart.series.map((series) => ({ header: series.name, numeric: true }))],
    rows: chart.categories.map((category, index) => [category, ...chart.series.map((series) => series.formatted[index]!)]),
  };
}

/** "I. Introduction", "Annex". */
export function headingText(block: HeadingBlock): string {
  return block.marker === null ? block.text : `${block.marker}. ${block.text}`;
}

/** "Table 1. Countries …". */
export function captionText(block: { label: string; title: string }): string {
  return `${block.label}. ${block.title}`;
}
