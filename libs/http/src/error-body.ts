import type { FieldProblem } from '#domain';

/** The one error body of every service: `{ statusCode, error, message, details? }`. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** One entry per offending field. */
  details?: FieldProblem[];
}
