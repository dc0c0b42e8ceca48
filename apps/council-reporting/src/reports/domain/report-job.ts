import { ConflictError } from '#domain';

export const ReportStatuses = ['queued', 'running', 'completed', 'failed'] as const;
export type ReportStatus = (typeof ReportStatuses)[number];

/** The steps of a job, with the progress each one reaches. */
export const ReportSteps = {
  queued: 0,
  figures: 10,
  rendering: 40,
  storing: 90,
  completed: 100,
} as const;
export type ReportStep = keyof typeof ReportSteps;

/** Only a failed job goes back to the queue; the others are on their way or done. */
export function assertRetryable(status: ReportStatus): void {
  if (status !== 'failed')
    throw new ConflictError(`Only a failed report can be retried; this one is ${status}`, [
      { field: 'status', problems: [`is ${status}, not failed`] },
    ]);
}

/** A download needs the finished files. */
export function assertDownloadable(status: ReportStatus): void {
  if (status !== 'completed')
    throw new ConflictError(
      status === 'failed'
        ? 'The report failed; see its failure, then retry it'
        : `The report is ${status}; download it when GET /reports/:id says completed`,
      [{ field: 'status', problems: [`is ${status}, not completed`] }],
    );
}
