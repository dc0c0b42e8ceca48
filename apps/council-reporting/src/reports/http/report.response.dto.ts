import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ReportFormats } from '#contracts';
import type { DataWatermark } from '../domain/council-report.js';
import { ReportStatuses, type ReportStatus } from '../domain/report-job.js';
import type { ReportRequest } from '../domain/report-request.js';
import type { ReportRecord } from '../infrastructure/report.repository.js';

export class ReportFileDto {
  @ApiProperty({ enum: ReportFormats })
  format!: string;

  @ApiProperty()
  mediaType!: string;

  @ApiProperty({ description: 'SHA-256 of the file, hex' })
  sha256!: string;

  @ApiProperty()
  bytes!: number;

  @ApiProperty({ example: '/reports/0190…/download?format=pdf' })
  href!: string;
}

export class ReportDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'RPT-2026-000001' })
  reference!: string;

  @ApiProperty({ enum: ReportStatuses })
  status!: ReportStatus;

  @ApiProperty({ minimum: 0, maximum: 100 })
  progress!: number;

  @ApiPropertyOptional({ example: 'rendering' })
  step!: string | null;

  @ApiProperty({ description: 'Period, scope and language asked for' })
  request!: ReportRequest;

  @ApiProperty()
  requestedAt!: string;

  @ApiPropertyOptional()
  startedAt!: string | null;

  @ApiPropertyOptional()
  finishedAt!: string | null;

  @ApiProperty()
  attempts!: number;

  @ApiPropertyOptional({ description: 'Why the last attempt failed; POST /reports/:id/retry runs it again' })
  failure!: string | null;

  @ApiPropertyOptional({ description: 'The data date and the topic offsets the figures were taken at' })
  watermark!: DataWatermark | null;

  @ApiProperty({ type: [ReportFileDto] })
  files!: ReportFileDto[];

  static from(report: ReportRecord): ReportDto {
    return {
      id: report.reportId,
      reference: report.reference,
      status: report.status,
      progress: report.progress,
      step: report.step,
      request: report.request,
      requestedAt: report.requestedAt.toISOString(),
      startedAt: report.startedAt?.toISOString() ?? null,
      finishedAt: report.finishedAt?.toISOString() ?? null,
      attempts: report.attempts,
      failure: report.failure,
      watermark: report.watermark,
      files: report.files.map((file) => ({ ...file, href: `/reports/${report.reportId}/download?format=${file.format}` })),
    };
  }
}
