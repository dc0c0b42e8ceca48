import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
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

/** Maps every error to the one body shape. Unexpected errors are logged and answered 500 without internals. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: ErrorBody): void } }>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
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
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const raw = exception.getResponse();
      const message = typeof raw === 'string' ? raw : String((raw as { message?: unknown }).message ?? exception.message);
      return { statusCode, error: errorName(statusCode), message };
    }
    // Body parser errors (malformed JSON, body too large) carry a status but are not HttpExceptions.
    const status = (exception as { status?: unknown; type?: unknown }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const type = (exception as { type?: unknown }).type;
      const message =
        type === 'entity.too.large'
          ? 'The request body is too large'
          : type === 'entity.parse.failed'
            ? 'The request body is not valid JSON'
            : 'The request could not be read';
      return { statusCode: status, error: errorName(status), message };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'An unexpected error occurred; it has been logged' };
  }
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
