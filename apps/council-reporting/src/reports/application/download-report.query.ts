import { Query } from '@nestjs/cqrs';
import type { ReportFormat } from '#contracts';
import type { Actor } from '#domain';

export interface ReportDownload {
  content: Buffer;
  mediaType: string;
  sha256: string;
  fileName: string;
}

export class DownloadReportQuery extends Query<ReportDownload> {
  constructor(
    readonly reportId: string,
    readonly format: ReportFormat,
    readonly actor: Actor,
  ) {
    super();
  }
}
