import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { ReportRecord } from '../infrastructure/report.repository.js';

export class GetReportQuery extends Query<ReportRecord> {
  constructor(
    readonly reportId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}
