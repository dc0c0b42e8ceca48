import type { ImportSummary } from './import-incidents.command.js';

/**
 * The database kept failing during an import, after retries. Rows before `resumeFromLine` are
 * committed; sending the same file again is safe, since rows already imported create nothing.
 */
export class ImportInterruptedError extends Error {
  constructor(
    readonly summary: ImportSummary,
    readonly resumeFromLine: number,
    options: { cause: unknown },
  ) {
    super(
      `The database failed during the import; rows before line ${resumeFromLine} are imported. ` +
        'Send the file again: rows already imported are skipped.',
      options,
    );
    this.name = 'ImportInterruptedError';
  }
}
