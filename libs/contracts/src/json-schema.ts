// class-transformer ships no exports map; its storage holds the @Type() of nested payloads.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { dataSchemaOf, type EventContract } from './event-contract.js';

export type JsonSchema = Record<string, unknown>;

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-validator's own type for classes
type Class = Function;

/**
 * JSON Schemas of a payload class and of every class nested in it, keyed by class name,
 * derived from the very classes consumers validate with, so a published schema cannot
 * drift from the code. Metadata is looked up by class identity, not name, so other copies
 * of the same classes (test runners load modules more than once) cannot leak in.
 * `refPrefix` says where nested schemas live in the document that embeds them.
 */
export function payloadSchemas(payload: Class, refPrefix: string): { root: JsonSchema; nested: Record<string, JsonSchema> } {
  const options = { classTransformerMetadataStorage: defaultMetadataStorage, refPointerPrefix: refPrefix };
  const nested: Record<string, JsonSchema> = {};
  const pending = nestedClassesOf(payload);
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (nested[next.name]) continue;
    nested[next.name] = targetConstructorToSchema(next, options) as JsonSchema;
    pending.push(...nestedClassesOf(next));
  }
  return { root: targetConstructorToSchema(payload, options) as JsonSchema, nested };
}

function nestedClassesOf(target: Class): Class[] {
  return getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .map((metadata) => defaultMetadataStorage.findTypeMetadata(metadata.target as Class, metadata.propertyName)?.typeFunction())
    .filter((type): type is Class => typeof type === 'function');
}

/** A standalone JSON Schema (draft-07) of an event payload, with the nested classes it uses. */
export function jsonSchemaOf(contract: EventContract): JsonSchema {
  const { root, nested } = payloadSchemas(contract.payload, '#/definitions/');
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: dataSchemaOf(contract.type),
    title: contract.type,
    description: contract.description,
    ...root,
    ...(Object.keys(nested).length > 0 ? { definitions: sortedByName(nested) } : {}),
  };
}

export function sortedByName(schemas: Record<string, JsonSchema>): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b)));
}
