import { readdirSync, readFileSync } from 'node:fs';
import { contractFiles } from './contract-artifacts.js';
import type { JsonSchema } from './json-schema.js';
import { breakingChanges, breakingChangesByName } from './schema-compatibility.js';

const releasedFolder = new URL('../released/', import.meta.url);

/** The released copies partners built against, by file name. */
function releasedSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(
    readdirSync(releasedFolder)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [file, JSON.parse(readFileSync(new URL(file, releasedFolder), 'utf8')) as JsonSchema]),
  );
}

/** The schemas the contract classes give now, by the same file names. */
function currentSchemas(): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(contractFiles())
      .filter(([path]) => path.startsWith('schemas/'))
      .map(([path, content]) => [path.slice('schemas/'.length), JSON.parse(content) as JsonSchema]),
  );
}

const incident = (properties: JsonSchema, required = ['incidentId'], extra: JsonSchema = {}): JsonSchema => ({
  type: 'object',
  required,
  properties: { incidentId: { type: 'string', format: 'uuid' }, ...properties },
  ...extra,
});

const status = { type: 'string', enum: ['reported', 'verified'] };

describe('released contracts', () => {
  it('every current schema is compatible with its released copy (a breaking change needs a new version)', () => {
    expect(breakingChangesByName(releasedSchemas(), currentSchemas())).toEqual([]);
  });

  it('keeps a released copy of every partner schema', () => {
    expect(Object.keys(releasedSchemas())).toEqual(
      expect.arrayContaining(Object.keys(currentSchemas()).filter((name) => name.startsWith('accountability.partner.'))),
    );
  });
});

describe('breakingChanges', () => {
  it.each<[string, JsonSchema, JsonSchema]>([
    ['an unchanged schema', incident({ status }), incident({ status })],
    ['a new optional property', incident({}), incident({ count: { type: 'integer' } })],
    [
      'an added enum value (docs/partners.md)',
      incident({ status }),
      incident({ status: { type: 'string', enum: ['reported', 'verified', 'rejected'] } }),
    ],
    ['a property no longer required', incident({ status }, ['incidentId', 'status']), incident({ status })],
    ['integer widened to number', incident({ count: { type: 'integer' } }), incident({ count: { type: 'number' } })],
    ['a type widened to a union', incident({ count: { type: 'integer' } }), incident({ count: { type: ['integer', 'null'] } })],
    ['a format removed', incident({}), incident({ incidentId: { type: 'string' } })],
    [
      'a bound loosened',
      incident({ count: { type: 'integer', minimum: 1, maximum: 5 } }),
      incident({ count: { type: 'integer', minimum: 0 } }),
    ],
    ['a closed object opened', incident({}, ['incidentId'], { additionalProperties: false }), incident({})],
    [
      'a $ref whose target keeps its shape',
      { type: 'object', properties: { harm: { $ref: '#/definitions/Harm' } }, definitions: { Harm: incident({ status }) } },
      {
        type: 'object',
        properties: { harm: { $ref: '#/definitions/Harm' } },
        definitions: { Harm: incident({ status, note: { type: 'integer' } }) },
      },
    ],
    [
      'a oneOf alternative added',
      incident({ at: { oneOf: [{ type: 'string', format: 'date' }] } }),
      incident({
        at: {
          oneOf: [
            { type: 'string', format: 'date' },
            { type: 'string', format: 'date-time' },
          ],
        },
      }),
    ],
  ])('passes %s', (_case, released, current) => {
    expect(breakingChanges(released, current)).toEqual([]);
  });

  it.each<[string, JsonSchema, JsonSchema, string]>([
    ['a removed property', incident({ status }), incident({}), '$: property status removed'],
    [
      'a property newly required',
      incident({ status }),
      incident({ status }, ['incidentId', 'status']),
      '$: property status newly required',
    ],
    ['a new required property', incident({}), incident({ status }, ['incidentId', 'status']), '$: property status newly required'],
    [
      'a changed type',
      incident({ count: { type: 'integer' } }),
      incident({ count: { type: 'string' } }),
      '$.count: type narrowed from integer to string',
    ],
    [
      'number narrowed to integer',
      incident({ count: { type: 'number' } }),
      incident({ count: { type: 'integer' } }),
      '$.count: type narrowed from number to integer',
    ],
    [
      'a union narrowed',
      incident({ count: { type: ['integer', 'null'] } }),
      incident({ count: { type: 'integer' } }),
      '$.count: type narrowed from integer|null to integer',
    ],
    [
      'a removed enum value',
      incident({ status }),
      incident({ status: { type: 'string', enum: ['reported'] } }),
      '$.status: enum value(s) removed: verified',
    ],
    [
      'additionalProperties closed',
      incident({}),
      incident({}, ['incidentId'], { additionalProperties: false }),
      '$: additionalProperties tightened',
    ],
    [
      'a property added to a closed object',
      incident({}, ['incidentId'], { additionalProperties: false }),
      incident({ count: { type: 'integer' } }, ['incidentId'], { additionalProperties: false }),
      '$: property count added to an object that allows no other properties',
    ],
    [
      'a format added',
      incident({ on: { type: 'string' } }),
      incident({ on: { type: 'string', format: 'date' } }),
      '$.on: format added: date',
    ],
    ['a format changed', incident({}), incident({ incidentId: { type: 'string', format: 'uri' } }), '$.incidentId: format changed: uri'],
    [
      'a pattern changed',
      incident({ code: { type: 'string', pattern: '^[A-Z]{2,3}$' } }),
      incident({ code: { type: 'string', pattern: '^[A-Z]{2}$' } }),
      '$.code: pattern changed: ^[A-Z]{2}$',
    ],
    [
      'a minimum raised',
      incident({ count: { type: 'integer', minimum: 0 } }),
      incident({ count: { type: 'integer', minimum: 1 } }),
      '$.count: minimum tightened from 0 to 1',
    ],
    [
      'a maxLength added',
      incident({ note: { type: 'string' } }),
      incident({ note: { type: 'string', maxLength: 10 } }),
      '$.note: maxLength tightened from undefined to 10',
    ],
    [
      'a maxItems lowered',
      incident({ ids: { type: 'array', maxItems: 9 } }),
      incident({ ids: { type: 'array', maxItems: 3 } }),
      '$.ids: maxItems tightened from 9 to 3',
    ],
    [
      'an array item type changed',
      incident({ ids: { type: 'array', items: { type: 'string' } } }),
      incident({ ids: { type: 'array', items: { type: 'integer' } } }),
      '$.ids[]: type narrowed from string to integer',
    ],
    [
      'a change inside a $ref target',
      { type: 'object', properties: { harm: { $ref: '#/definitions/Harm' } }, definitions: { Harm: incident({ status }) } },
      { type: 'object', properties: { harm: { $ref: '#/definitions/Harm' } }, definitions: { Harm: incident({}) } },
      '$.harm: property status removed',
    ],
    [
      'a oneOf alternative removed',
      incident({
        at: {
          oneOf: [
            { type: 'string', format: 'date' },
            { type: 'string', format: 'date-time' },
          ],
        },
      }),
      incident({ at: { oneOf: [{ type: 'string', format: 'date' }] } }),
      '$.at: oneOf alternatives changed',
    ],
  ])('fails %s', (_case, released, current, problem) => {
    expect(breakingChanges(released, current)).toEqual([problem]);
  });
});

describe('breakingChangesByName', () => {
  const schema = incident({});

  it('passes a new event type, which has no released copy', () => {
    expect(breakingChangesByName({ 'a.v1.json': schema }, { 'a.v1.json': schema, 'b.v1.json': schema })).toEqual([]);
  });

  it('fails a removed schema', () => {
    expect(breakingChangesByName({ 'a.v1.json': schema, 'b.v1.json': schema }, { 'a.v1.json': schema })).toEqual([
      'b.v1.json: schema removed',
    ]);
  });

  it('names the schema of each breaking change', () => {
    expect(breakingChangesByName({ 'a.v1.json': incident({ status }) }, { 'a.v1.json': schema })).toEqual([
      'a.v1.json: $: property status removed',
    ]);
  });
});
