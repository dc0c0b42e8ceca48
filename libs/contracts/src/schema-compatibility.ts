import type { JsonSchema } from './json-schema.js';

/**
 * Whether a payload schema can replace its released copy under the same version. Partners
 * replay topics from offset zero and validate every event, old and new, against the schema
 * published now, and their code reads the fields the released schema promised. So a change
 * is breaking when an event valid under the released schema may be invalid under the current
 * one (a type, format, pattern or bound tightened, a field newly required, `additionalProperties`
 * closed), or when a field partners read disappears. Not breaking: a new optional property
 * (consumers ignore properties they do not know, unless the released schema closed the object)
 * and an **added enum value**: docs/partners.md promises new values within a version and tells
 * partners not to fail on one. A strict consumer validating with an old copy of a schema
 * would reject it; partners validate with the schemas of the latest release.
 *
 * Returns one line per breaking change, with the JSON path where it is; empty if compatible.
 */
export function breakingChanges(released: JsonSchema, current: JsonSchema): string[] {
  const problems: string[] = [];
  compare(new Resolver(released), new Resolver(current), released, current, '$', problems, new Set());
  return problems;
}

/**
 * The breaking changes between every released schema and the current one of the same name.
 * A schema with no released copy is a new event type (or a new version) and passes; a
 * released schema that is gone breaks every partner still reading that event type.
 */
export function breakingChangesByName(released: Record<string, JsonSchema>, current: Record<string, JsonSchema>): string[] {
  return Object.entries(released).flatMap(([name, schema]) =>
    name in current ? breakingChanges(schema, current[name]).map((problem) => `${name}: ${problem}`) : [`${name}: schema removed`],
  );
}

/** Follows the local `$ref`s (`#/definitions/X`) of one standalone schema. */
class Resolver {
  constructor(private readonly root: JsonSchema) {}

  resolve(schema: JsonSchema): JsonSchema {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const target = ref
      .replace(/^#\//, '')
      .split('/')
      .reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), this.root);
    if (!isObject(target)) throw new Error(`unresolved $ref ${ref}`);
    return target;
  }
}

const lowerBounds = ['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties'] as const;
const upperBounds = ['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties'] as const;

function compare(
  releasedRoot: Resolver,
  currentRoot: Resolver,
  releasedSchema: JsonSchema,
  currentSchema: JsonSchema,
  path: string,
  problems: string[],
  visiting: Set<string>,
): void {
  const released = releasedRoot.resolve(releasedSchema);
  const current = currentRoot.resolve(currentSchema);
  // A recursive schema would otherwise be walked forever; one visit per pair of refs is enough.
  const pair = `${String(releasedSchema.$ref)}|${String(currentSchema.$ref)}`;
  if (releasedSchema.$ref && visiting.has(pair)) return;
  const inner = releasedSchema.$ref ? new Set([...visiting, pair]) : visiting;
  const report = (problem: string) => problems.push(`${path}: ${problem}`);

  const releasedTypes = typesOf(released);
  const currentTypes = typesOf(current);
  const lost = releasedTypes === undefined ? currentTypes : releasedTypes.filter((type) => !accepts(currentTypes, type));
  if (lost && lost.length > 0) report(`type narrowed from ${describe(releasedTypes)} to ${describe(currentTypes)}`);

  if ('const' in current && !('const' in released && same(released.const, current.const))) report('const added or changed');

  const releasedEnum = Array.isArray(released.enum) ? released.enum : undefined;
  const currentEnum = Array.isArray(current.enum) ? current.enum : undefined;
  if (currentEnum && !releasedEnum) report('enum added');
  if (currentEnum && releasedEnum) {
    const removed = releasedEnum.filter((value) => !currentEnum.some((other) => same(value, other)));
    if (removed.length > 0) report(`enum value(s) removed: ${removed.map(String).join(', ')}`);
  }

  for (const keyword of ['format', 'pattern'] as const) {
    if (current[keyword] !== undefined && current[keyword] !== released[keyword]) {
      report(`${keyword} ${released[keyword] === undefined ? 'added' : 'changed'}: ${String(current[keyword])}`);
    }
  }
  for (const bound of lowerBounds) {
    const [was, now] = [released[bound], current[bound]];
    if (typeof now === 'number' && (typeof was !== 'number' || now > was)) report(`${bound} tightened from ${String(was)} to ${now}`);
  }
  for (const bound of upperBounds) {
    const [was, now] = [released[bound], current[bound]];
    if (typeof now === 'number' && (typeof was !== 'number' || now < was)) report(`${bound} tightened from ${String(was)} to ${now}`);
  }
  if (current.uniqueItems === true && released.uniqueItems !== true) report('uniqueItems added');

  const releasedRequired = new Set(stringsOf(released.required));
  for (const name of stringsOf(current.required)) {
    if (!releasedRequired.has(name)) report(`property ${name} newly required`);
  }

  const releasedProperties = objectOf(released.properties);
  const currentProperties = objectOf(current.properties);
  for (const [name, schema] of Object.entries(releasedProperties)) {
    if (!(name in currentProperties)) report(`property ${name} removed`);
    else compare(releasedRoot, currentRoot, objectOf(schema), objectOf(currentProperties[name]), `${path}.${name}`, problems, inner);
  }
  compareAdditionalProperties(releasedRoot, currentRoot, released, current, path, problems, inner);

  if (isObject(released.items) && isObject(current.items)) {
    compare(releasedRoot, currentRoot, released.items, current.items, `${path}[]`, problems, inner);
  } else if (isObject(current.items) && released.items === undefined) report('items constrained');

  for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
    const was = Array.isArray(released[keyword]) ? (released[keyword] as unknown[]) : [];
    const now = Array.isArray(current[keyword]) ? (current[keyword] as unknown[]) : [];
    // Alternatives are not matched up structurally: any released one not kept as it was is a change partners must review.
    if (was.some((branch) => !now.some((other) => same(branch, other))) || (keyword === 'allOf' && now.length > was.length)) {
      report(`${keyword} alternatives changed`);
    } else if (keyword !== 'allOf' && now.length > 0 && was.length === 0) report(`${keyword} added`);
  }
}

function compareAdditionalProperties(
  releasedRoot: Resolver,
  currentRoot: Resolver,
  released: JsonSchema,
  current: JsonSchema,
  path: string,
  problems: string[],
  visiting: Set<string>,
): void {
  const [was, now] = [released.additionalProperties, current.additionalProperties];
  if (now === undefined || now === true) return;
  if (was === undefined || was === true) {
    problems.push(`${path}: additionalProperties tightened`);
  } else if (now === false && was !== false) {
    problems.push(`${path}: additionalProperties tightened`);
  } else if (isObject(was) && isObject(now)) {
    compare(releasedRoot, currentRoot, was, now, `${path}.*`, problems, visiting);
  }
  // A new property under a closed object would be rejected by consumers of the released schema.
  if (was === false) {
    const known = objectOf(released.properties);
    for (const name of Object.keys(objectOf(current.properties))) {
      if (!(name in known)) problems.push(`${path}: property ${name} added to an object that allows no other properties`);
    }
  }
}

function typesOf(schema: JsonSchema): string[] | undefined {
  if (typeof schema.type === 'string') return [schema.type];
  return Array.isArray(schema.type) ? stringsOf(schema.type) : undefined;
}

/** An integer is a number: widening integer to number keeps every released value valid. */
function accepts(types: string[] | undefined, type: string): boolean {
  return types === undefined || types.includes(type) || (type === 'integer' && types.includes('number'));
}

function describe(types: string[] | undefined): string {
  return types ? types.join('|') : 'any';
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function objectOf(value: unknown): JsonSchema {
  return isObject(value) ? value : {};
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
