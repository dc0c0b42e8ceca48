import { ConflictError } from '#domain';
import { assertDownloadable, assertRetryable, ReportStatuses } from './report-job.js';

describe('report job rules', () => {
  it.each(ReportStatuses.map((status) => ({ status, retryable: status === 'failed', downloadable: status === 'completed' })))(
    '$status: retry $retryable, download $downloadable',
    ({ status, retryable, downloadable }) => {
      const outcome = (rule: () => void) => {
        try {
          rule();
          return true;
        } catch (error) {
          expect(error).toBeInstanceOf(ConflictError);
          return false;
        }
      };
      expect(outcome(() => assertRetryable(status))).toBe(retryable);
      expect(outcome(() => assertDownloadable(status))).toBe(downloadable);
    },
  );
});
