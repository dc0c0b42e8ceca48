import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { NotFoundError, type Actor } from '#domain';
import { ReportRepository, type ReportRecord } from '../infrastructure/report.repository.js';

/**
 * A report is read by the organisation that asked for it (its figures count that
 * organisation's confidential incidents) and by admins; to anyone else it does not exist.
 */
@Injectable()
export class ReportFinder {
  constructor(@Inject(ReportRepository) private readonly reports: ReportRepository) {}

  async visible(manager: EntityManager, reportId: string, actor: Actor, forUpdate = false): Promise<ReportRecord> {
    if (forUpdate) await manager.query('SELECT 1 FROM reporting.report WHERE report_id = $1 FOR UPDATE', [reportId]);
    const report = await this.reports.find(manager, reportId);
    if (!report || (actor.role !== 'admin' && report.requester.organisation !== actor.organisation))
      throw new NotFoundError(`No report ${reportId}`);
    return report;
  }
}
