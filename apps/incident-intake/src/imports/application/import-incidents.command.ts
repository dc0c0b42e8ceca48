import { Command } from '@nestjs/cqrs';
import type { FieldProblem } from '#domain';
import type { Reporter } from '../../incidents/application/incident-recorder.js';

export interface ImportedRowProblem {
  /** Line of the file where the row starts. */
  line: number;
  externalId?: string;
  problems: FieldProblem[];
}

export interface ImportSummary {
  rows: number;
  created: number;
  /** Rows whose source incident id was imported before: nothing new is created. */
  alreadyImported: number;
  failed: number;
  errors: ImportedRowProblem[];
  /** True when more rows failed than `errors` lists. */
  errorsTruncated: boolean;
  warnings: { line: number; externalId: string; messages: string[] }[];
}

/** Imports an AWSD or HXL CSV export row by row, committed in batches in which each row fails alone. */
export class ImportIncidentsCommand extends Command<ImportSummary> {
  constructor(
    readonly csv: NodeJS.ReadableStream,
    readonly reporter: Reporter,
  ) {
    super();
  }
}
