import fc from 'fast-check';
import type { SchemaObject } from './openapi.js';

/**
 * Values that a schema refuses by construction: each arbitrary here yields only values no
 * correct service may accept for the schema it was built from.
 */

export type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object' | 'unknown';

export function kindOf(schema: SchemaObject): Kind {
  switch (schema.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'array':
      return 'array';
    case 'object':
      return 'object';
    default:
      if (schema.properties) return 'object';
      if (schema.items) return 'array';
      if (schema.enum) return 'string';
      return 'unknown';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SAMPLE_UUID = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';

/** A calendar day: `format: date`, or a string field named `…On` (occurredOn, receivedOn). */
export function isDateField(schema: SchemaObject, name: string): boolean {
  return schema.format === 'date' || (kindOf(schema) === 'string' && !schema.enum && /On$/.test(name));
}

export function isCountryCodeField(schema: SchemaObject, name: string): boolean {
  return kindOf(schema) === 'string' && (/Code$/.test(name) || (typeof schema.example === 'string' && /^[A-Z]{2}$/.test(schema.example)));
}

/** A value the schema describes, the start every mutation departs from. */
export function sampleOf(schema: SchemaObject, name = ''): unknown {
  if (schema.enum?.length) return schema.enum[0];
  switch (kindOf(schema)) {
    case 'string':
      return sampleString(schema, name);
    case 'number':
      return schema.minimum ?? (schema.maximum !== undefined ? Math.min(1, schema.maximum) : 1);
    case 'boolean':
      return false;
    case 'array':
      return schema.items ? [sampleOf(schema.items, name)] : [];
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, sampleOf(property, key)]));
    default:
      return 'fuzz';
  }
}

function sampleString(schema: SchemaObject, name: string): string {
  if (isDateField(schema, name)) return '2026-01-15';
  if (schema.format === 'uuid') return SAMPLE_UUID;
  if (schema.format === 'date-time') return '2026-01-15T10:00:00.000Z';
  if (schema.pattern) return fc.sample(fc.stringMatching(new RegExp(schema.pattern)), { numRuns: 1, seed: 1 })[0];
  if (isCountryCodeField(schema, name)) return 'SC';
  if (typeof schema.example === 'string') return schema.example;
  const text = 'Written by the hostile input test, which never means it to be stored';
  return text.padEnd(schema.minLength ?? 0, '.').slice(0, schema.maxLength ?? text.length);
}

/** Inserts `flaw` somewhere into `base`. */
function inserted(base: string, flaw: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(fc.nat({ max: base.length }), flaw).map(([at, text]) => base.slice(0, at) + text + base.slice(at));
}

/** NUL or a lone UTF-16 surrogate: text PostgreSQL cannot store. */
export function unstorableText(base: string): fc.Arbitrary<string> {
  return inserted(base, fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00\ud83d', 'a\u0000b'));
}

/** Days no calendar has, and text that is no `YYYY-MM-DD` at all. */
export const impossibleDate = fc.constantFrom(
  '2026-02-30',
  '0000-01-01',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '2025-02-29',
  '1900-02-29',
  '2026-01-32',
  '2026-01-00',
  '2026-1-5',
  '26-01-05',
  '2026/01/05',
  '20260105',
  '+02026-01-05',
  '-0001-01-01',
  '99999-01-01',
  '2026-01-05T00:00:00Z',
  ' 2026-01-05',
  'yesterday',
  '',
);

export function badEnum(values: unknown[]): fc.Arbitrary<string> {
  const strings = values.filter((value): value is string => typeof value === 'string');
  const variants = strings.flatMap((value) => [value.toUpperCase(), ` ${value}`, `${value} `, `${value}s`, value.replace(/_/g, '-')]);
  return fc
    .oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(...variants, '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'null', 'undefined', '*', '%'),
    )
    .filter((value) => !values.includes(value));
}

export function tooLong(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.integer({ min: maxLength + 1, max: maxLength + 200 }).map((length) => 'x'.repeat(length)),
    fc.constant('é'.repeat(maxLength + 1)),
    fc.constant('\u{1F600}'.repeat(maxLength + 1)),
  );
}

export function tooShort(minLength: number): fc.Arbitrary<string> {
  return fc.string({ maxLength: minLength - 1 });
}

export function notMatching(pattern: string): fc.Arbitrary<string> {
  const expression = new RegExp(pattern);
  return fc
    .oneof(
      fc.string({ maxLength: 80 }),
      fc.constantFrom('A'.repeat(64), 'g'.repeat(64), 'a'.repeat(63), 'a'.repeat(65), `${'a'.repeat(64)}\n`),
    )
    .filter((value) => !expression.test(value));
}

export const notUuid = fc
  .oneof(
    fc.string({ maxLength: 60 }),
    fc.constantFrom(
      `${SAMPLE_UUID}0`,
      SAMPLE_UUID.slice(1),
      SAMPLE_UUID.replace(/-/g, ''),
      `{${SAMPLE_UUID}}`,
      SAMPLE_UUID.replace('a', 'g'),
      "' OR '1'='1",
      '00000000-0000-0000-0000-00000000000',
    ),
  )
  .filter((value) => !UUID.test(value));

export const badCountryCode = fc.constantFrom('sc', 'S', 'SCC', '12', 'S1', 'ＳＣ', ' SC', 'SC ', 'S-', '');

/** Numbers past every bound the schema writes, and past what a JSON number carries exactly. */
export function outOfRange(schema: SchemaObject): fc.Arbitrary<number> {
  const choices: number[] = [1e16, 1e21, 1e100, 1e308, -1e308, -1e16, Number.MAX_VALUE];
  if (schema.minimum !== undefined) choices.push(schema.minimum - 1, schema.minimum - 1000);
  if (schema.maximum !== undefined) choices.push(schema.maximum + 1, schema.maximum + 1000);
  return fc.constantFrom(...choices);
}

/** A value of another JSON type than `kind`. */
export function wrongType(kind: Kind): fc.Arbitrary<unknown> {
  const nonNumeric = fc.string({ maxLength: 20 }).filter((text) => text.trim() === '' || Number.isNaN(Number(text)));
  const object = fc.constantFrom<unknown>({}, { value: 1 });
  const array = fc.constantFrom<unknown>([], [1], ['a'], [{}]);
  switch (kind) {
    case 'string':
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), object, array);
    case 'number':
      return fc.oneof(nonNumeric, fc.constantFrom('1', '0', '1e3'), fc.boolean(), object, array);
    case 'boolean':
      return fc.oneof(fc.constantFrom<unknown>('true', 'false', '1', '0', 'yes', 1, 0), object, array);
    case 'array':
      return fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), object);
    case 'object':
      return fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constantFrom<unknown>([], [{}], [[]]));
    default:
      return fc.constant(Symbol.for('never'));
  }
}

/** Arrays or objects nested `depth` levels: never a string, number or boolean, and no contract nests them so. */
export function deepValue(maxDepth: number): fc.Arbitrary<unknown> {
  return fc.tuple(fc.integer({ min: 2, max: maxDepth }), fc.boolean()).map(([depth, arrays]) => nested(depth, arrays));
}

export function nested(depth: number, arrays: boolean): unknown {
  let value: unknown = arrays ? [] : {};
  for (let level = 1; level < depth; level += 1) value = arrays ? [value] : { nested: value };
  return value;
}

/** Property names that reach into the prototype chain, and their usual payloads. */
export const prototypeKey = fc.constantFrom('__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString');
export const prototypePayload = fc.constantFrom<unknown>(
  { isAdmin: true },
  { role: 'admin', org: 'org-elsewhere' },
  { prototype: { polluted: 'yes' } },
  'polluted',
  null,
  [],
);

/** A property name with a flaw in it: NUL, a lone surrogate. */
export const flawedKey = fc.constantFrom('count\u0000', '\u0000', 'harm\ud800', '\udfff', 'a\u0000b');

/** Cursors this API never wrote: garbage, and the shape it writes with values it never writes. */
export const badCursor = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{1,60}$/).filter((cursor) => !decodesToCursorShape(cursor)),
  fc
    .constantFrom<unknown>(
      ['2026-02-30', SAMPLE_UUID],
      ['0000-01-01', SAMPLE_UUID],
      ['2026-13-01', SAMPLE_UUID],
      ["' OR 1=1 --", SAMPLE_UUID],
      ['2026-01-15', 'not-a-uuid'],
      ['2026-01-15', `${SAMPLE_UUID}'; DROP TABLE intake.incident; --`],
      ['9999999999999999999999', SAMPLE_UUID],
      ['2026-01-15\u0000', SAMPLE_UUID],
      [1, SAMPLE_UUID],
      ['2026-01-15'],
      ['2026-01-15', SAMPLE_UUID, 'extra'],
      { sortValue: '2026-01-15', id: SAMPLE_UUID },
      null,
      'x',
    )
    .map((value) => Buffer.from(JSON.stringify(value)).toString('base64url')),
  fc.constantFrom('!!!', '', 'a'.repeat(401), '%00', "' OR 1=1 --", '../../etc/passwd', '=cursor', 'a b'),
);

/** True where a random string happens to decode to the [string, uuid] a real cursor holds. */
function decodesToCursorShape(cursor: string): boolean {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(decoded) && decoded.length === 2 && typeof decoded[1] === 'string' && UUID.test(decoded[1]);
  } catch {
    return false;
  }
}

/**
 * A path segment no route takes as a valid value: not an id, huge, NUL, bad percent-encoding.
 * Each is written as it goes on the wire. Values the URL parser would resolve (`.`, `..`) or
 * that name another route (`export`, `attention`) are left out, so the request stays aimed
 * at the operation under test.
 */
export function hostilePathSegment(staticSegments: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((text) => !UUID.test(text) && !staticSegments.includes(text) && !/^[.]{1,2}$/.test(text) && !/^[A-Z]{2}$/.test(text))
      .map(encodeURIComponent),
    fc.constantFrom(
      'not-a-uuid',
      '0',
      '-1',
      'null',
      'undefined',
      '__proto__',
      'constructor',
      `${SAMPLE_UUID}x`,
      `${SAMPLE_UUID}%00`,
      '%00',
      '%ED%A0%80',
      '%zz',
      '%',
      '%C0%AE%C0%AE',
      'x'.repeat(4000),
      encodeURIComponent("' OR '1'='1"),
      encodeURIComponent('../etc/passwd'),
      '%2e%2e%2fadmin',
      '1e400',
      'sc',
      'S',
      'SCC',
    ),
  );
}
