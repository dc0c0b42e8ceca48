import { PayloadTooLargeException, UnsupportedMediaTypeException } from '@nestjs/common';
import type { Request } from 'express';
import { Transform } from 'node:stream';

/**
 * The request body as a stream, refused if it is not CSV and cut off past `maxBytes`, so an
 * import never holds the whole file and never reads without bound.
 */
export function limitedBody(request: Request, maxBytes: number): Transform {
  const type = request.headers['content-type'] ?? '';
  if (!/^(text\/csv|application\/csv)\b/i.test(type)) {
    throw new UnsupportedMediaTypeException('Send the CSV file as the request body with Content-Type: text/csv');
  }
  const tooLarge = () => new PayloadTooLargeException(`The file is larger than ${maxBytes} bytes; split it and import the parts`);
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  let seen = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) done(tooLarge());
      else done(null, chunk);
    },
  });
  request.pipe(limiter);
  request.on('error', (error) => limiter.destroy(error));
  return limiter;
}
