import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReportFormat } from '#contracts';
import { allocateReference } from '#database';
import type { Actor } from '#domain';
import type { DataWatermark } from '../domain/council-report.js';
import type { ReportStatus, ReportStep } from '../domain/report-job.js';
import type { ReportRequest } from '../domain/report-request.js';

export interface StoredFile {
  format: ReportFormat;
  mediaType: string;
  sha256: string;
  bytes: number;
}

/** A report job as stored: what was asked, by whom, how far it is, and its files. */
export interface ReportRecord {
  reportId: string;
  reference: string;
  status: ReportStatus;
  progress: number;
  step: ReportStep | null;
  request: ReportRequest;
  requester: Actor;
  requestedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  attempts: number;
  failure: string | null;
  watermark: DataWatermark | null;
  files: StoredFile[];
}

interface ReportRow {
  report_id: string;
  reference: string;
  status: ReportStatus;
  progress: number;
  step: ReportStep | null;
  request: ReportRequest;
  requested_by: string;
  requested_role: string;
  requesting_organisation: string;
  requested_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  attempts: number;
  failure: string | null;
  watermark: DataWatermark | null;
  files: StoredFile[] | null;
}

const SelectReport = `SELECT r.*, (SELECT json_agg(json_build_object('format', f.format, 'mediaType', f.media_type, 'sha256', f.sha256,
    'bytes', octet_length(f.content)) ORDER BY f.format) FROM reporting.report_file f WHERE f.report_id = r.report_id) AS files
  FROM reporting.report r`;

/** Reports take seconds; one running this long lost its instance. */
const AbandonedAfter = '30 minutes';

/** Report jobs and their files in the `reporting` schema. */
@Injectable()
export class ReportRepository {
  async insert(manager: EntityManager, reportId: string, request: ReportRequest, requester: Actor, at: Date): Promise<string> {
    const reference = await allocateReference(manager, 'reporting', 'RPT', at.getUTCFullYear());
    await manager.query(
      `INSERT INTO reporting.report (report_id, reference, status, step, request, requested_by, requested_role, requesting_organisation, requested_at)
       VALUES ($1, $2, 'queued', 'queued', $3, $4, $5, $6, $7)`,
      [reportId, reference, request, requester.subject, requester.role, requester.organisation, at],
    );
    return reference;
  }

  async find(manager: EntityManager, reportId: string): Promise<ReportRecord | undefined> {
    const [row] = (await manager.query(`${SelectReport} WHERE r.report_id = $1`, [reportId])) as ReportRow[];
    return row && recordOf(row);
  }

  /**
   * Takes the oldest queued job, skipping those another instance is taking. A job still
   * running long after any report takes was left by an instance that died: it is taken again.
   */
  async claimNext(manager: EntityManager, at: Date): Promise<ReportRecord | undefined> {
    // A data-modifying CTE, so the statement answers rows as a SELECT does.
    const [claimed] = (await manager.query(
      `WITH claimed AS (
         UPDATE reporting.report SET status = 'running', step = 'figures', progress = 10, started_at = $1, finished_at = NULL,
           failure = NULL, attempts = attempts + 1
         WHERE report_id = (SELECT report_id FROM reporting.report
                            WHERE status = 'queued' OR (status = 'running' AND started_at < $1::timestamptz - $2::interval)
                            ORDER BY requested_at, report_id FOR UPDATE SKIP LOCKED LIMIT 1)
         RETURNING report_id)
       SELECT report_id FROM claimed`,
      [at, AbandonedAfter],
    )) as { report_id: string }[];
    return claimed && this.find(manager, claimed.report_id);
  }

  async progress(manager: EntityManager, reportId: string, step: ReportStep, progress: number): Promise<void> {
    await manager.query(`UPDATE reporting.report SET step = $2, progress = $3 WHERE report_id = $1 AND status = 'running'`, [
      reportId,
      step,
      progress,
    ]);
  }

  async complete(
    manager: EntityManager,
    reportId: string,
    watermark: DataWatermark,
    files: { format: ReportFormat; mediaType: string; sha256: string; content: Buffer }[],
    at: Date,
  ): Promise<void> {
    await manager.query('DELETE FROM reporting.report_file WHERE report_id = $1', [reportId]);
    for (const file of files)
      await manager.query(
        'INSERT INTO reporting.report_file (report_id, format, media_type, sha256, content) VALUES ($1, $2, $3, $4, $5)',
        [reportId, file.format, file.mediaType, file.sha256, file.content],
      );
    await manager.query(
      `UPDATE reporting.report SET status = 'completed', step = 'completed', progress = 100, watermark = $2, finished_at = $3
       WHERE report_id = $1`,
      [reportId, watermark, at],
    );
  }

  async fail(manager: EntityManager, reportId: string, failure: string, at: Date): Promise<void> {
    await manager.query(`UPDATE reporting.report SET status = 'failed', failure = $2, finished_at = $3 WHERE report_id = $1`, [
      reportId,
      failure,
      at,
    ]);
  }

  async requeue(manager: EntityManager, reportId: string): Promise<void> {
    await manager.query(
      `UPDATE reporting.report SET status = 'queued', step = 'queued', progress = 0, failure = NULL WHERE report_id = $1`,
      [reportId],
    );
  }

  async file(
    manager: EntityManager,
    reportId: string,
    format: ReportFormat,
  ): Promise<{ content: Buffer; mediaType: string; sha256: string }> {
    const [row] = (await manager.query(
      'SELECT content, media_type AS "mediaType", sha256 FROM reporting.report_file WHERE report_id = $1 AND format = $2',
      [reportId, format],
    )) as { content: Buffer; mediaType: string; sha256: string }[];
    return row!;
  }
}

function recordOf(row: ReportRow): ReportRecord {
  return {
    reportId: row.report_id,
    reference: row.reference,
    status: row.status,
    progress: row.progress,
    step: row.step,
    request: row.request,
    requester: { subject: row.requested_by, role: row.requested_role, organisation: row.requesting_organisation },
    requestedAt: row.requested_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    attempts: row.attempts,
    failure: row.failure,
    watermark: row.watermark,
    files: row.files ?? [],
  };
}
