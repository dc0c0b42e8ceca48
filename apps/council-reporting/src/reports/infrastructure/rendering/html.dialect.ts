import type { TableBlock } from '../../domain/council-report-document.js';
import { captionText, chartAsTable, escapeXml as escapeHtml, headingText, type MarkupDialect } from './markup.js';

// A4 print layout in the manner of a United Nations document; no external resources.
const Style = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 11pt; line-height: 1.35; color: #111; margin: 0; }
main { max-width: 180mm; margin: 0 auto; padding: 12mm 0; }
header { border-bottom: 2px solid #1f4e79; margin-bottom: 1.5em; padding-bottom: 0.8em; }
h1 { font-size: 18pt; margin: 0 0 0.3em; }
.subtitle { font-size: 12pt; font-weight: bold; margin: 0 0 0.6em; }
.details { list-style: none; padding: 0; margin: 0 0 0.6em; }
.watermark { font-family: Helvetica, Arial, sans-serif; font-size: 7.5pt; color: #555; overflow-wrap: anywhere; margin: 0; }
h2 { font-size: 13pt; margin: 1.6em 0 0.6em; break-after: avoid; }
h3 { font-size: 11.5pt; margin: 1.2em 0 0.5em; break-after: avoid; }
p { margin: 0 0 0.7em; text-align: justify; }
p.numbered { display: grid; grid-template-columns: 2.4em 1fr; }
figure { margin: 1em 0 1.2em; break-inside: avoid; }
figcaption, caption { font-family: "Times New Roman", Times, "Liberation Serif", serif; font-size: 11pt; font-weight: bold; text-align: left; margin-bottom: 0.4em; }
table { border-collapse: collapse; width: 100%; font-family: Helvetica, Arial, sans-serif; font-size: 8pt; }
th, td { border-bottom: 1px solid #bbb; padding: 3px 4px; vertical-align: top; }
thead th { border-bottom: 1.5px solid #333; text-align: left; vertical-align: bottom; }
tbody th { text-align: left; font-weight: normal; }
.numeric { text-align: right; font-variant-numeric: tabular-nums; }
figure.chart svg { display: block; width: 100%; height: auto; }
`;

function table(block: TableBlock): string {
  const align = (numeric: boolean) => (numeric ? ' class="numeric"' : '');
  const head = block.columns.map((column) => `<th scope="col"${align(column.numeric)}>${escapeHtml(column.header)}</th>`).join('');
  const body = block.rows
    .map((row) => {
      const cells = row.map((cell, index) =>
        index === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td${align(block.columns[index]!.numeric)}>${escapeHtml(cell)}</td>`,
      );
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<figure class="table"><table>\n<caption>${escapeHtml(captionText(block))}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table></figure>`;
}

/** A complete, printable HTML page; charts are inline SVG. */
export const HtmlDialect: MarkupDialect = {
  document: (doc, body) =>
    [
      '<!DOCTYPE html>',
      `<html lang="${escapeHtml(doc.languageTag)}">`,
      '<head>',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${escapeHtml(`${doc.title} (${doc.reference})`)}</title>`,
      `<style>${Style}</style>`,
      '</head>',
      '<body>',
      '<main>',
      body,
      '</main>',
      '</body>',
      '</html>',
      '',
    ].join('\n'),
  title: (block) =>
    [
      '<header>',
      `<h1>${escapeHtml(block.title)}</h1>`,
      `<p class="subtitle">${escapeHtml(block.subtitle)}</p>`,
      `<ul class="details">${block.details.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`,
      `<p class="watermark">${escapeHtml(block.watermark)}</p>`,
      '</header>',
    ].join('\n'),
  heading: (block) => {
    const level = block.level + 1;
    return `<h${level}>${escapeHtml(headingText(block))}</h${level}>`;
  },
  paragraph: (block) =>
    block.number === null
      ? `<p>${escapeHtml(block.text)}</p>`
      : `<p class="numbered"><span class="number">${block.number}.</span><span>${escapeHtml(block.text)}</span></p>`,
  table,
  chart: (block, svg) =>
    svg === undefined
      ? table(chartAsTable(block))
      : `<figure class="chart" role="group" aria-label="${escapeHtml(captionText(block))}">\n<figcaption>${escapeHtml(captionText(block))}</figcaption>\n${svg}\n</figure>`,
};
