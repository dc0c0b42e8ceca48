import { createHash } from 'node:crypto';
import { BadRequestException, HttpException, HttpStatus } from '@nestjs/common';
import { canonicalJson } from '#domain';

/** The ETag of a record version: weak, since the representation may change with content negotiation. */
export function etagOf(version: number): string {
  return `W/"${version}"`;
}

/** The version an If-Match header names; required where a stale write must be refused. */
export function versionFromIfMatch(header: string | undefined, required: true): number;
export function versionFromIfMatch(header: string | undefined, required: false): number | undefined;
export function versionFromIfMatch(header: string | undefined, required: boolean): number | undefined {
  if (!header) {
    if (!required) return undefined;
    throw new HttpException(
      { message: 'If-Match is required: send the ETag of the version you are changing (GET it first)' },
      HttpStatus.PRECONDITION_REQUIRED,
    );
  }
  const match = /^(?:W\/)?"(\d+)"$/.exec(header.trim());
  if (!match) throw new BadRequestException(`If-Match must be an ETag this API returned, such as W/"3"`);
  return Number(match[1]);
}

/** Idempotency-Key: 1 to 200 visible characters, chosen by the client per record it creates. */
export function idempotencyKeyOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(header)) throw new BadRequestException('Idempotency-Key must be 1 to 200 visible ASCII characters');
  return header;
}

/** Fingerprint of a request body, independent of key order. */
export function requestHashOf(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}
