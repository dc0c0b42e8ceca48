import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { isTransientFailure } from '#database';
import { DomainError } from '#domain';
import type { ErrorBody } from './error-body.js';
import { InputValidationException } from './validation.js';

const statusOfKind: Record<DomainError['kind'], number> = {
  malformed: HttpStatus.BAD_REQUEST,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  inconsistent: HttpStatus.UNPROCESSABLE_ENTITY,
  stale: HttpStatus.PRECONDITION_FAILED,
};

const RetryAfterSeconds = 5;

/** Maps every error to the one body shape. Unexpected errors are logged and answered 500 without internals. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host
      .switchToHttp()
      .getResponse<{ setHeader(name: string, value: string): void; status(code: number): { json(body: ErrorBody): void } }>();
    const body = this.toBody(exception);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      this.logger.warn(`database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
      response.setHeader('Retry-After', String(RetryAfterSeconds));
    } else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      const statusCode = statusOfKind[exception.kind];
      return { statusCode, error: errorName(statusCode), message: exception.message, details: exception.details };
    }
    if (exception instanceof InputValidationException) {
      return { statusCode: 400, error: 'Bad Request', message: exception.message, details: exception.details };
    }
    const unreadable = unreadableRequest(exception);
    if (unreadable) return { ...unreadable, error: errorName(unreadable.statusCode) };
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const message = typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? exception.message);
      return { statusCode, error: errorName(statusCode), message };
    }
    // An outage is the client's to wait out (writes take an Idempotency-Key or an If-Match), not a bug to report.
    if (isTransientFailure(exception)) {
      return {
        statusCode: 503,
        error: 'Service Unavailable',
        message: `The database is unavailable for a moment; try again in ${RetryAfterSeconds} seconds`,
      };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'An unexpected error occurred; it has been logged' };
  }
}

const unreadableMessages: Record<string, string> = {
  'entity.too.large': 'The request body is too large',
  'entity.parse.failed': 'The request body is not valid JSON',
  'charset.unsupported': 'The charset of the request body is not supported; send UTF-8',
  'encoding.unsupported': 'The Content-Encoding of the request body is not supported',
};

/**
 * A request Express or its body parser could not read (malformed JSON, too large, bad
 * percent-encoding). Nest wraps these in an HttpException carrying the parser's message,
 * which quotes the body: only a fixed message per kind is answered, never the parser's.
 */
function unreadableRequest(exception: unknown): { statusCode: number; message: string } | undefined {
  const source = exception instanceof HttpException ? exception.cause : exception;
  if (!(source instanceof Error)) return undefined;
  const { status, statusCode, type } = source as { status?: unknown; statusCode?: unknown; type?: unknown };
  const code = typeof status === 'number' ? status : typeof statusCode === 'number' ? statusCode : undefined;
  if (code === undefined || code < 400 || code >= 500) return undefined;
  if (source instanceof URIError) return { statusCode: code, message: 'The request path is not validly percent-encoded' };
  return { statusCode: code, message: (typeof type === 'string' && unreadableMessages[type]) || 'The request could not be read' };
}

function errorName(statusCode: number): string {
  const name = HttpStatus[statusCode] as string | undefined;
  return name
    ? name
        .toLowerCase()
        .split('_')
        .map((word) => word[0].toUpperCase() + word.slice(1))
        .join(' ')
    : 'Error';
}
