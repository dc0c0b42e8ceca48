import type { ReportFormat, ReportLanguage } from '#contracts';
import { canonicalJson } from '#domain';
import { composeCouncilReport, type ChartBlock } from '../../domain/council-report-document.js';
import type { CouncilReportData } from '../../domain/council-report.js';
import { EnglishReportText } from '../../domain/report-text.en.js';
import type { ReportText } from '../../domain/report-text.js';
import { renderCharts } from './charts.js';
import { renderCsv } from './csv-renderer.js';
import { renderDocx } from './docx-renderer.js';
import { HtmlDialect } from './html.dialect.js';
import { MarkdownDialect } from './markdown.dialect.js';
import { renderMarkup } from './markup.js';
import { renderPdf } from './pdf-renderer.js';

/** A report in one format, ready to send or store. */
export interface RenderedReport {
  bytes: Buffer;
  mediaType: string;
  fileExtension: string;
}

const MediaTypes: Record<ReportFormat, string> = {
  json: 'application/json',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8; header=present',
};

/** The words of each language a report can be written in. */
const Texts: Record<ReportLanguage, ReportText> = { en: EnglishReportText };

async function bytesOf(data: CouncilReportData, format: ReportFormat): Promise<Buffer> {
  const text = Texts[data.language];
  const utf8 = (value: string) => Buffer.from(value, 'utf8');
  switch (format) {
    case 'json':
      return utf8(`${canonicalJson(data)}\n`);
    case 'csv':
      return renderCsv(data, text);
  }
  const doc = composeCouncilReport(data, text);
  switch (format) {
    case 'md':
      return utf8(renderMarkup(doc, MarkdownDialect));
    case 'html': {
      const charts = await renderCharts(doc.blocks.filter((block): block is ChartBlock => block.kind === 'chart'));
      return utf8(renderMarkup(doc, HtmlDialect, new Map([...charts].map(([block, chart]) => [block, chart.svg]))));
    }
    case 'pdf':
      return renderPdf(doc);
    case 'docx':
      return renderDocx(doc);
  }
}

/**
 * Renders the figures of a Council report in one format. JSON and Markdown are byte for
 * byte the same for the same figures; every format dates itself from the data date.
 */
export async function renderReport(data: CouncilReportData, format: ReportFormat): Promise<RenderedReport> {
  return { bytes: await bytesOf(data, format), mediaType: MediaTypes[format], fileExtension: format };
}
