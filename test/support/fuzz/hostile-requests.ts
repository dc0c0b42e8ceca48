import fc from 'fast-check';
import {
  badCountryCode,
  badCursor,
  badEnum,
  deepValue,
  flawedKey,
  hostilePathSegment,
  impossibleDate,
  isCountryCodeField,
  isDateField,
  kindOf,
  notMatching,
  notUuid,
  outOfRange,
  prototypeKey,
  prototypePayload,
  sampleOf,
  tooLong,
  tooShort,
  unstorableText,
  wrongType,
} from './hostile-values.js';
import type { Operation, ParameterObject, SchemaObject } from './openapi.js';

/** One generated request, as it goes on the wire. */
export interface HostileRequest {
  method: string;
  /** Path and query string, percent-encoded. */
  target: string;
  headers: Record<string, string>;
  /** Sent as UTF-8; undefined sends no body. */
  body?: string;
  /** What was broken, for the failure report. */
  broken: string[];
}

/** What the generator needs to know of the running system for one operation. */
export interface OperationContext {
  /** Values of path parameters that name records which exist, by parameter name. */
  pathValues: Record<string, string>;
  /** The current ETag of the record, for operations that take If-Match. */
  etag: () => string;
  /** A body known to be valid, to mutate instead of one sampled from the schema. */
  validBody?: unknown;
  /** Literal path segments of the service (`export`, `attention`), which a hostile value must not be. */
  staticSegments: string[];
  /** Body size past the limit the service enforces for this operation. */
  oversizeBytes: number;
}

type Path = (string | number)[];
type Step =
  | { kind: 'set'; path: Path; value: unknown; note: string }
  | { kind: 'delete'; path: Path; note: string }
  | { kind: 'add'; path: Path; key: string; value: unknown; note: string };

interface Site {
  path: Path;
  schema: SchemaObject;
  name: string;
  required: boolean;
  value: unknown;
}

const JSON_TYPE = 'application/json';
const WRONG_MEDIA_TYPES = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/csv',
  'application/xml',
  'multipart/form-data; boundary=fuzz',
  'application/json; charset=utf-16',
  'application/merge-patch+json',
  'application/octet-stream',
];

/**
 * Requests for `operation` that no correct service accepts: every one breaks the body, the
 * query or a path parameter in a way the document itself refuses. Undefined when the
 * operation has nothing to break (no body, no parameters).
 */
export function hostileRequests(operation: Operation, context: OperationContext): fc.Arbitrary<HostileRequest> | undefined {
  const realPath = fc.constant({ path: fillPath(operation, context.pathValues), broken: [] as string[] });
  const brokenPath = operation.pathParameters.length > 0 ? hostilePath(operation, context) : undefined;
  const headers = headersFor(operation, context);

  if (operation.body) {
    const body =
      operation.body.mediaType === JSON_TYPE ? hostileJsonBody(operation.body.schema, context) : hostileTextBody(operation, context);
    const path = brokenPath ? fc.oneof({ weight: 4, arbitrary: realPath }, { weight: 1, arbitrary: brokenPath }) : realPath;
    return fc.record({ path, body, headers }).map(({ path, body, headers }) => ({
      method: operation.method,
      target: path.path,
      headers: { ...headers.values, ...(body.contentType ? { 'Content-Type': body.contentType } : {}) },
      body: body.text,
      broken: [...path.broken, ...body.broken, ...headers.broken],
    }));
  }
  if (operation.queryParameters.length > 0) {
    const withQuery = fc.record({ path: realPath, query: hostileQuery(operation.queryParameters) });
    const withPath = brokenPath ? fc.record({ path: brokenPath, query: fc.constant({ text: '', broken: [] as string[] }) }) : undefined;
    const target = withPath ? fc.oneof({ weight: 4, arbitrary: withQuery }, { weight: 1, arbitrary: withPath }) : withQuery;
    return fc.record({ target, headers }).map(({ target, headers }) => ({
      method: operation.method,
      target: target.path.path + target.query.text,
      headers: headers.values,
      broken: [...target.path.broken, ...target.query.broken, ...headers.broken],
    }));
  }
  if (brokenPath) {
    return fc.record({ path: brokenPath, headers }).map(({ path, headers }) => ({
      method: operation.method,
      target: path.path,
      headers: headers.values,
      broken: [...path.broken, ...headers.broken],
    }));
  }
  return undefined;
}

function fillPath(operation: Operation, values: Record<string, string>): string {
  return operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for the path parameter ${name} of ${operation.key}`);
    return encodeURIComponent(value);
  });
}

/** The path with at least one parameter replaced by a hostile segment, the others real. */
function hostilePath(operation: Operation, context: OperationContext) {
  const names = operation.pathParameters.map((parameter) => parameter.name);
  const segment = hostilePathSegment(context.staticSegments);
  return fc
    .tuple(fc.subarray(names, { minLength: 1 }), fc.array(segment, { minLength: names.length, maxLength: names.length }))
    .map(([chosen, segments]) => {
      const broken: string[] = [];
      const path = operation.path.replace(/\{(\w+)\}/g, (_whole, name: string) => {
        if (!chosen.includes(name)) return encodeURIComponent(context.pathValues[name]);
        const value = segments[names.indexOf(name)];
        broken.push(`path ${name} = ${abbreviate(value)}`);
        return value;
      });
      return { path, broken };
    });
}

function headersFor(operation: Operation, context: OperationContext) {
  const ifMatch = operation.headerParameters.find((parameter) => parameter.name.toLowerCase() === 'if-match');
  const idempotency = operation.headerParameters.find((parameter) => parameter.name.toLowerCase() === 'idempotency-key');
  const none = fc.constant(undefined);
  const ifMatchValue = ifMatch
    ? fc.oneof(
        { weight: 6, arbitrary: fc.constant('valid').map(() => context.etag()) },
        { weight: 1, arbitrary: none },
        { weight: 1, arbitrary: fc.constantFrom('*', 'W/"abc"', '"-1"', 'W/"99999999999999999999"', '"1", "2"', 'W/1', '""') },
      )
    : none;
  const idempotencyValue = idempotency
    ? fc.option(fc.oneof(fc.stringMatching(/^[\x21-\x7e]{1,200}$/), fc.constantFrom('x'.repeat(201), 'a b', 'ünïcode')))
    : none;
  return fc.record({ ifMatch: ifMatchValue, idempotency: idempotencyValue }).map(({ ifMatch, idempotency }) => {
    const values: Record<string, string> = {};
    const broken: string[] = [];
    if (ifMatch !== undefined) values['If-Match'] = ifMatch;
    if (ifMatch !== undefined && ifMatch !== context.etag()) broken.push(`If-Match: ${ifMatch}`);
    if (idempotency != null) values['Idempotency-Key'] = idempotency;
    return { values, broken };
  });
}

interface GeneratedBody {
  text?: string;
  contentType?: string;
  broken: string[];
}

/** A JSON body that breaks the schema at one to three places, or as a whole. */
function hostileJsonBody(schema: SchemaObject, context: OperationContext): fc.Arbitrary<GeneratedBody> {
  const base = context.validBody ?? sampleOf(schema);
  const sites = sitesOf(schema, base);
  const steps = fc.oneof(...sites.flatMap(mutationsAt));
  const mutated = fc.array(steps, { minLength: 1, maxLength: 3 }).map((chosen) => {
    const { value, notes } = applied(base, chosen);
    return { text: JSON.stringify(value), broken: notes };
  });
  const whole = wholeBodyMutations(schema, base, context);
  const text = fc.oneof({ weight: 6, arbitrary: mutated }, { weight: 1, arbitrary: whole });
  return fc.tuple(text, mediaType(JSON_TYPE)).map(([body, type]) => ({
    text: body.text,
    contentType: type.contentType,
    broken: [...body.broken, ...type.broken],
  }));
}

/** Mostly the media type the operation consumes; now and then another one, or none with a body. */
function mediaType(consumed: string) {
  const wrong = [...WRONG_MEDIA_TYPES, JSON_TYPE].filter((type) => type !== consumed);
  return fc.oneof(
    { weight: 8, arbitrary: fc.constant({ contentType: consumed as string | undefined, broken: [] as string[] }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(...wrong).map((type) => ({ contentType: type as string | undefined, broken: [`Content-Type: ${type}`] })),
    },
    { weight: 1, arbitrary: fc.constant({ contentType: undefined as string | undefined, broken: ['no Content-Type with a body'] }) },
  );
}

/** A body of another media type (the CSV import): never an AWSD or HXL file, or of the wrong type, or too large. */
function hostileTextBody(operation: Operation, context: OperationContext): fc.Arbitrary<GeneratedBody> {
  const consumed = operation.body!.mediaType;
  const cell = fc.oneof(
    fc.string({ maxLength: 30 }).filter((text) => !text.includes('#')),
    fc.constantFrom('"unclosed', 'a"b', '=HYPERLINK("http://example.invalid")', 'x\u0000y', '\ud800', 'x'.repeat(5000), ''),
  );
  const line = fc.array(cell, { minLength: 1, maxLength: 8 }).map((cells) => cells.join(','));
  const garbage = fc
    .array(line, { minLength: 1, maxLength: 20 })
    .map((lines) => ({ text: lines.join('\n'), broken: ['not an AWSD or HXL file'] }));
  const oversize = fc.constant({ text: `a,b\n${'x,y\n'.repeat(Math.ceil(context.oversizeBytes / 4))}`, broken: ['larger than the limit'] });
  const json = fc.constant({ text: JSON.stringify({ rows: [] }), broken: ['a JSON body'] });
  return fc
    .tuple(
      fc.oneof({ weight: 4, arbitrary: garbage }, { weight: 1, arbitrary: oversize }, { weight: 1, arbitrary: json }),
      mediaType(consumed),
    )
    .map(([body, type]) => ({ text: body.text, contentType: type.contentType, broken: [...body.broken, ...type.broken] }));
}

/** Every value in `value` that `schema` describes, with its place. */
function sitesOf(schema: SchemaObject, value: unknown, path: Path = [], name = '', required = true): Site[] {
  const here: Site = { path, schema, name, required, value };
  const kind = kindOf(schema);
  if (kind === 'object' && isPlainObject(value)) {
    return [
      here,
      ...Object.entries(schema.properties ?? {}).flatMap(([key, property]) =>
        key in value ? sitesOf(property, value[key], [...path, key], key, schema.required?.includes(key) ?? false) : [],
      ),
    ];
  }
  if (kind === 'array' && Array.isArray(value) && value.length > 0 && schema.items) {
    return [here, ...sitesOf(schema.items, value[0], [...path, 0], name, true)];
  }
  return [here];
}

/** The ways to break the value at `site`, each refused by the schema whatever else the body holds. */
function mutationsAt(site: Site): fc.Arbitrary<Step>[] {
  const { path, schema, name } = site;
  const where = path.join('.') || '(body)';
  const kind = kindOf(schema);
  const set = (values: fc.Arbitrary<unknown>, note: string): fc.Arbitrary<Step> =>
    values.map((value) => ({ kind: 'set', path, value, note: `${where} ← ${shown(value)} (${note})` }));
  const add = (keys: fc.Arbitrary<string>, values: fc.Arbitrary<unknown>, note: string): fc.Arbitrary<Step> =>
    fc
      .tuple(keys, values)
      .map(([key, value]) => ({ kind: 'add', path, key, value, note: `${where}[${JSON.stringify(key)}] ← ${shown(value)} (${note})` }));
  const steps: fc.Arbitrary<Step>[] = [];

  if (path.length > 0 && kind !== 'unknown') {
    steps.push(set(wrongType(kind), 'wrong type'), set(deepValue(80), 'deep value'));
    const last = path[path.length - 1];
    if (site.required && !schema.nullable) steps.push(set(fc.constant(null), 'null where required'));
    if (site.required && typeof last === 'string') steps.push(fc.constant({ kind: 'delete', path, note: `${where} missing (required)` }));
  }
  if (kind === 'string') {
    const base = typeof site.value === 'string' ? site.value : '';
    steps.push(set(unstorableText(base), 'NUL or lone surrogate'));
    if (schema.enum) steps.push(set(badEnum(schema.enum), 'not in the enum'));
    else if (isDateField(schema, name)) steps.push(set(impossibleDate, 'impossible date'));
    else if (schema.format === 'uuid') steps.push(set(notUuid, 'not a uuid'));
    else if (schema.pattern) steps.push(set(notMatching(schema.pattern), `not matching ${schema.pattern}`));
    else if (isCountryCodeField(schema, name)) steps.push(set(badCountryCode, 'not a country code'));
    if (schema.maxLength !== undefined) steps.push(set(tooLong(schema.maxLength), `longer than ${schema.maxLength}`));
    if (schema.minLength) steps.push(set(tooShort(schema.minLength), `shorter than ${schema.minLength}`));
  }
  if (kind === 'number') steps.push(set(outOfRange(schema), 'out of range'));
  if (kind === 'array' && schema.items) {
    const itemKind = kindOf(schema.items);
    if (itemKind !== 'unknown')
      steps.push(set(fc.array(wrongType(itemKind), { minLength: 1, maxLength: 3 }), 'elements of the wrong type'));
  }
  if (kind === 'object') {
    const known = Object.keys(schema.properties ?? {});
    const anything = fc.oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.boolean(), fc.constant(null), fc.constant({}));
    steps.push(
      add(
        fc.string({ minLength: 1, maxLength: 30 }).filter((key) => !known.includes(key)),
        anything,
        'unknown property',
      ),
      add(prototypeKey, prototypePayload, 'prototype key'),
      add(flawedKey, anything, 'flawed property name'),
    );
  }
  return steps;
}

/** `base` with the steps applied in order; a step whose place an earlier one removed is dropped. */
function applied(base: unknown, steps: Step[]): { value: unknown; notes: string[] } {
  const root = { body: structuredClone(base) as unknown };
  const notes: string[] = [];
  for (const step of steps) {
    const place: Path = ['body', ...step.path];
    const parent = walk(root, place.slice(0, -1));
    const key = place[place.length - 1];
    if (!isContainer(parent)) continue;
    if (step.kind === 'add') {
      const target = (parent as Record<string | number, unknown>)[key];
      if (!isPlainObject(target)) continue;
      // An own property named __proto__, as JSON.parse makes it, and JSON.stringify writes it.
      Object.defineProperty(target, step.key, { value: step.value, enumerable: true, writable: true, configurable: true });
    } else if (step.kind === 'delete') {
      if (!isPlainObject(parent)) continue;
      delete parent[key as string];
    } else {
      (parent as Record<string | number, unknown>)[key] = step.value;
    }
    notes.push(step.note);
  }
  return { value: root.body, notes };
}

function walk(value: unknown, path: Path): unknown {
  let current = value;
  for (const key of path) {
    if (!isContainer(current)) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/** Breaks the body as a whole: not an object, not JSON, nested past any limit, too large, empty. */
function wholeBodyMutations(
  schema: SchemaObject,
  base: unknown,
  context: OperationContext,
): fc.Arbitrary<{ text?: string; broken: string[] }> {
  const json = JSON.stringify(base);
  const firstKey = Object.keys(schema.properties ?? {})[0] ?? 'value';
  const choices: fc.Arbitrary<{ text?: string; broken: string[] }>[] = [
    fc.constantFrom('[]', '[{}]', '[[]]', '"text"', '42', 'true', 'null', '{}[]').map((text) => ({ text, broken: [`body ${text}`] })),
    fc
      .nat({ max: Math.max(0, json.length - 1) })
      .map((cut) => json.slice(0, cut))
      .filter((text) => !parses(text))
      .map((text) => ({ text, broken: [`JSON cut off after ${text.length} characters`] })),
    fc
      .constantFrom(
        `${json}x`,
        `${json},`,
        json.replace(/"/g, "'"),
        `{"${firstKey}": NaN}`,
        `{/* comment */${json.slice(1)}`,
        `\ufeff${json}x`,
        `{"${firstKey}":}`,
      )
      .map((text) => ({ text, broken: ['malformed JSON'] })),
    fc.constantFrom(65, 1000, 10_000, 100_000).map((depth) => ({
      text: `{"${firstKey}":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      broken: [`${firstKey} nested ${depth} deep`],
    })),
    fc.constant({ text: JSON.stringify({ [firstKey]: 'x'.repeat(context.oversizeBytes) }), broken: ['larger than the body limit'] }),
  ];
  if ((schema.required ?? []).length > 0) choices.push(fc.constant({ text: '', broken: ['empty body, required fields missing'] }));
  return fc.oneof(...choices);
}

interface QueryPart {
  pairs: [string, string][];
  note: string;
}

/** Query strings with one to three broken parameters. */
function hostileQuery(parameters: ParameterObject[]): fc.Arbitrary<{ text: string; broken: string[] }> {
  const names = parameters.map((parameter) => parameter.name);
  const pair = (name: fc.Arbitrary<string>, value: fc.Arbitrary<string>, note: string): fc.Arbitrary<QueryPart> =>
    fc.tuple(name, value).map(([key, text]) => ({ pairs: [[key, text]], note: `query ${key}=${abbreviate(text)} (${note})` }));
  const broken = parameters.flatMap((parameter): fc.Arbitrary<QueryPart>[] => {
    const schema = parameter.schema ?? {};
    const name = fc.constant(parameter.name);
    const values = queryValues(parameter.name, schema);
    const repeated = fc.constant<QueryPart>({
      pairs: [
        [parameter.name, String(sampleOf(schema, parameter.name))],
        [parameter.name, String(sampleOf(schema, parameter.name))],
      ],
      note: `query ${parameter.name} given twice`,
    });
    return [...values.map(([value, note]) => pair(name, value, note)), repeated];
  });
  const unknownName = fc.oneof(
    fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_]{0,20}$/).filter((name) => !names.includes(name)),
    fc.constantFrom(
      '__proto__',
      'constructor',
      '__proto__[isAdmin]',
      'constructor[prototype][polluted]',
      'toString',
      'hasOwnProperty',
      'a[b]',
    ),
  );
  broken.push(pair(unknownName, fc.constantFrom('1', 'true', 'x'), 'unknown parameter'));
  return fc.array(fc.oneof(...broken), { minLength: 1, maxLength: 3 }).map((chosen) => ({
    text: `?${chosen
      .flatMap((part) => part.pairs)
      .map(([key, value]) => `${encodeQueryPart(key)}=${encodeQueryPart(value)}`)
      .join('&')}`,
    broken: chosen.map((part) => part.note),
  }));
}

/** Values of one query parameter that its schema refuses. A query string carries text, so types are broken as text. */
function queryValues(name: string, schema: SchemaObject): [fc.Arbitrary<string>, string][] {
  const kind = kindOf(schema);
  const nul = fc.nat({ max: 3 }).map((at) => `${'abc'.slice(0, at)}\u0000${'abc'.slice(at)}`);
  const values: [fc.Arbitrary<string>, string][] = [[nul, 'NUL']];
  if (schema.enum) values.push([badEnum(schema.enum), 'not in the enum']);
  else if (kind === 'string' && (isDateField(schema, name) || /^(from|to|opened(From|To))$/.test(name)))
    values.push([impossibleDate, 'impossible date']);
  else if (schema.format === 'uuid') values.push([notUuid, 'not a uuid']);
  else if (name === 'cursor') values.push([badCursor, 'bad cursor']);
  else if (kind === 'string' && isCountryCodeField(schema, name)) values.push([badCountryCode, 'not a country code']);
  else if (kind === 'boolean') values.push([fc.constantFrom('yes', 'no', '1', '0', 'TRUE', 'False', '', 'null', 'on'), 'not a boolean']);
  else if (kind === 'number') {
    const refused = (text: string) => {
      const number = Number(text);
      return (
        !Number.isFinite(number) ||
        (schema.minimum !== undefined && number < schema.minimum) ||
        (schema.maximum !== undefined && number > schema.maximum)
      );
    };
    const candidates = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('abc', 'NaN', 'Infinity', '-Infinity', '1e400', '0x', '١٢', String(schema.minimum ?? 0) + 'x'),
      fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
      fc.constantFrom('99999999999999999999999', '-99999999999999999999999'),
    );
    values.push([candidates.filter(refused), 'not a number in range']);
  }
  if (schema.maxLength !== undefined) values.push([tooLong(schema.maxLength), `longer than ${schema.maxLength}`]);
  return values;
}

/** Percent-encodes text for a query string; a lone surrogate has no UTF-8 form, so it becomes U+FFFD as a browser would send it. */
function encodeQueryPart(text: string): string {
  return encodeURIComponent(text.replace(/\p{Cs}/gu, '\ufffd'));
}

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isContainer(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}

function shown(value: unknown): string {
  return abbreviate(JSON.stringify(value) ?? String(value));
}

function abbreviate(text: string): string {
  const escaped = JSON.stringify(text).slice(1, -1);
  return escaped.length > 80 ? `${escaped.slice(0, 60)}… (${text.length} characters)` : escaped;
}
