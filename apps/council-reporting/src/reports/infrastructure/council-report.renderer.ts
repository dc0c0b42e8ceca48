import { createHash } from 'node:crypto';
import { ReportFormats, type ReportFormat } from '#contracts';
import type { CouncilReportData } from '../domain/council-report.js';
import { renderReport } from './rendering/report-renderer.js';

export interface RenderedFile {
  format: ReportFormat;
  mediaType: string;
  sha256: string;
  content: Buffer;
}

/** Renders a report in every format, with the SHA-256 each file is known by; `onEach` reports progress. */
export async function renderAllFormats(
  data: CouncilReportData,
  onEach: (done: number, of: number) => Promise<void> = async () => {},
): Promise<RenderedFile[]> {
  const files: RenderedFile[] = [];
  for (const format of ReportFormats) {
    const rendered = await renderReport(data, format);
    files.push({ format, mediaType: rendered.mediaType, sha256: sha256Of(rendered.bytes), content: rendered.bytes });
    await onEach(files.length, ReportFormats.length);
  }
  return files;
}

export function sha256Of(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
