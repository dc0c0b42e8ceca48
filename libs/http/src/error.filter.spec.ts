import { BadRequestException, HttpException, PayloadTooLargeException, type ArgumentsHost } from '@nestjs/common';
import { ErrorFilter } from './error.filter.js';
import type { ErrorBody } from './error-body.js';

/** A body-parser error as http-errors builds it: status, type and a message that quotes the body. */
function parserError(status: number, type: string, message: string, kind: ErrorConstructor = SyntaxError): Error {
  return Object.assign(new kind(message), { status, statusCode: status, type, expose: true, body: message });
}

function answer(exception: unknown, headers: Record<string, string> = {}): ErrorBody {
  let sent: ErrorBody | undefined;
  const response = {
    setHeader: (name: string, value: string) => (headers[name] = value),
    status: (statusCode: number) => ({ json: (body: ErrorBody) => (sent = { ...body, statusCode }) }),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  return sent!;
}

describe('ErrorFilter on a database outage', () => {
  it.each([
    { name: 'a refused connection', error: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }) },
    {
      name: 'a server shutting down',
      error: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    },
  ])('answers $name with 503 and Retry-After, not 500', ({ error }) => {
    const headers: Record<string, string> = {};
    const sut = answer(error, headers);
    expect(sut).toEqual({
      statusCode: 503,
      error: 'Service Unavailable',
      message: 'The database is unavailable for a moment; try again in 5 seconds',
    });
    expect(headers).toEqual({ 'Retry-After': '5' });
  });

  it('still answers an unexpected error with 500', () => {
    expect(answer(new TypeError('x is undefined')).statusCode).toBe(500);
  });
});

describe('ErrorFilter on requests that could not be read', () => {
  const quoting = `Unexpected token 'A', "{"victims": Amina Haddad"... is not valid JSON`;

  it.each([
    [
      'malformed JSON, as Nest wraps it',
      new BadRequestException(quoting, { cause: parserError(400, 'entity.parse.failed', quoting) }),
      400,
      'The request body is not valid JSON',
    ],
    ['malformed JSON, unwrapped', parserError(400, 'entity.parse.failed', quoting), 400, 'The request body is not valid JSON'],
    [
      'a body too large',
      new HttpException(`request entity too large: ${quoting}`, 413, { cause: parserError(413, 'entity.too.large', quoting, Error) }),
      413,
      'The request body is too large',
    ],
    [
      'an unsupported charset',
      new HttpException(quoting, 415, { cause: parserError(415, 'charset.unsupported', quoting, Error) }),
      415,
      'The charset of the request body is not supported; send UTF-8',
    ],
    [
      'a bad percent-encoding',
      new BadRequestException(quoting, { cause: parserError(400, 'none', quoting, URIError) }),
      400,
      'The request path is not validly percent-encoded',
    ],
  ])('answers %s with a fixed message that does not echo the body', (_case, exception, statusCode, message) => {
    const sut = answer(exception);
    expect(sut).toEqual({ statusCode, error: expect.any(String), message });
    expect(JSON.stringify(sut)).not.toContain('Amina');
  });

  it('keeps the message of an exception the code raised itself', () => {
    expect(answer(new PayloadTooLargeException('The file is larger than 10 bytes'))).toEqual({
      statusCode: 413,
      error: 'Payload Too Large',
      message: 'The file is larger than 10 bytes',
    });
  });
});
