import { MalformedInputError } from '#domain';

/**
 * Opaque cursor of keyset pagination: the sort value and id of the last row of a page, so
 * the next page starts right after it however many rows are added meanwhile.
 */
export function encodeCursor(sortValue: string, id: string): string {
  return Buffer.from(JSON.stringify([sortValue, id])).toString('base64url');
}

const Uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The sort value and id of a cursor. The cursor is opaque: anything this API did not write
 * (an id that is no UUID, a sort value `isSortValue` refuses) is refused here, never
 * handed to SQL.
 */
export function decodeCursor(
  cursor: string,
  isSortValue: (value: string) => boolean = (value) => value === '',
): [sortValue: string, id: string] {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(decoded) &&
      decoded.length === 2 &&
      decoded.every((part) => typeof part === 'string') &&
      isSortValue(decoded[0]) &&
      Uuid.test(decoded[1])
    ) {
      return decoded as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw new MalformedInputError('The cursor is not one this API returned; start again without it', [
    { field: 'cursor', problems: ['is not a valid cursor'] },
  ]);
}
