import type { TableBlock } from '../../domain/council-report-document.js';
import { captionText, chartAsTable, headingText, type MarkupDialect } from './markup.js';

/** Backslash-escapes what CommonMark would read as markup inside running text or a table cell. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (character) => `\\${character}`);
}

function table(block: TableBlock): string {
  const row = (cells: string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [
    `**${escapeMarkdown(captionText(block))}**`,
    '',
    row(block.columns.map((column) => column.header)),
    `| ${block.columns.map((column) => (column.numeric ? '--:' : ':--')).join(' | ')} |`,
    ...block.rows.map(row),
    '',
  ].join('\n');
}

/** CommonMark with GitHub tables; charts are given as tables of their figures. */
export const MarkdownDialect: MarkupDialect = {
  document: (_doc, body) => body,
  title: (block) =>
    [
      `# ${escapeMarkdown(block.title)}`,
      '',
      `**${escapeMarkdown(block.subtitle)}**`,
      '',
      ...block.details.map((line) => `- ${escapeMarkdown(line)}`),
      '',
      escapeMarkdown(block.watermark),
      '',
    ].join('\n'),
  heading: (block) => `${'#'.repeat(block.level + 1)} ${escapeMarkdown(headingText(block))}\n`,
  paragraph: (block) => `${block.number === null ? '' : `${block.number}. `}${escapeMarkdown(block.text)}\n`,
  table,
  chart: (block) => table(chartAsTable(block)),
};
