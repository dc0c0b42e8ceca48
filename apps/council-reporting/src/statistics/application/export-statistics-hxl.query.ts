import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { HxlTable } from '../domain/hxl-table.js';
import type { FiguresRequest } from './figures-request.js';

/** The statistics as an HXL-tagged table: one line per group, people by harm and status in columns. */
export class ExportStatisticsHxlQuery extends Query<HxlTable> {
  constructor(
    readonly request: FiguresRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}
