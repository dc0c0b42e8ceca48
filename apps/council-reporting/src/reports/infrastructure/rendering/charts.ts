import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { ChartBlock, ChartData } from '../../domain/council-report-document.js';

/** Fonts every PDF reader has (pdfmake's standard 14) and their look-alikes elsewhere. */
export const ChartFont = 'Helvetica, Arial, sans-serif';
const Colours = ['#1f4e79', '#9dc3e6'];

/** A chart as SVG text, with its size in CSS pixels. */
export interface RenderedChart {
  svg: string;
  width: number;
  height: number;
}

/** The Vega-Lite spec of a bar chart: one bar per category, or grouped bars, one per series. */
export function barChartSpec(chart: ChartData): TopLevelSpec {
  const values = chart.series.flatMap((series) =>
    chart.categories.map((category, index) => ({ category, series: series.name, value: series.values[index] })),
  );
  const grouped = chart.series.length > 1;
  const names = chart.series.map((series) => series.name);
  return {
    width: 460,
    height: 180,
    // Headless Vega estimates text widths; the margin keeps a long axis title inside the picture.
    padding: { left: 16, top: 5, right: 5, bottom: 5 },
    background: 'white',
    data: { values },
    mark: { type: 'bar', tooltip: false },
    encoding: {
      // sort: null keeps the categories in the order given (months, years).
      x: { field: 'category', type: 'ordinal', sort: null, title: chart.categoryTitle, axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: chart.valueTitle, axis: { format: ',d', tickMinStep: 1 } },
      ...(grouped ? { xOffset: { field: 'series', sort: names } } : {}),
      color: {
        field: 'series',
        type: 'nominal',
        scale: { domain: names, range: Colours.slice(0, names.length) },
        legend: grouped ? { orient: 'bottom', title: null, labelLimit: 0, direction: 'horizontal' } : null,
      },
    },
    config: { font: ChartFont, view: { stroke: null }, axis: { labelFontSize: 10, titleFontSize: 10 }, legend: { labelFontSize: 10 } },
  };
}

/**
 * Renders a chart to SVG without a browser or canvas. The same data gives the same text:
 * Vega's headless renderer writes no random ids and no timestamps.
 */
export async function renderChartSvg(chart: ChartData): Promise<RenderedChart> {
  const view = new vega.View(vega.parse(compile(barChartSpec(chart)).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const size = /<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"/.exec(svg);
    return { svg, width: Number(size?.[1] ?? 0), height: Number(size?.[2] ?? 0) };
  } finally {
    view.finalize();
  }
}

/** SVG of every chart of a document, by block. */
export async function renderCharts(blocks: readonly ChartBlock[]): Promise<Map<ChartBlock, RenderedChart>> {
  const rendered = await Promise.all(blocks.map(async (block) => [block, await renderChartSvg(block.chart)] as const));
  return new Map(rendered);
}

/** Rasterises an SVG at `scale` times its size, for formats that want pixels (Word). */
export function svgToPng(svg: string, scale = 2): Buffer {
  return new Resvg(svg, { fitTo: { mode: 'zoom', value: scale }, background: 'white', font: { loadSystemFonts: true } }).render().asPng();
}
