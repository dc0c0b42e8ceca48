// class-transformer ships no exports map; its storage holds the @Type() of nested payloads.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { dataSchemaOf, type EventContract } from './event-contract.js';

export type JsonSchema = Record<string, unknown>;

/**
 * JSON Schemas of every class-validator class, derived from the classes consumers validate
 * with, so a published schema cannot drift from the code. `refPrefix` says where nested
 * schemas live in the document that embeds them.
 */
export function classSchemas(refPrefix: string): Record<string, JsonSchema> {
  return validationMetadatasToSchemas({
    classValidatorMetadataStorage: getMetadataStorage(),
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: refPrefix,
  }) as Record<string, JsonSchema>;
}

/** The schema of a payload class; a class that only renames its parent (no own rules) has its parent's. */
export function schemaOfClass(all: Record<string, JsonSchema>, payload: abstract new () => object): JsonSchema {
  for (let current: unknown = payload; typeof current === 'function' && current.name; current = Object.getPrototypeOf(current)) {
    if (all[current.name]) return all[current.name];
  }
  throw new Error(`${payload.name} has no class-validator rules`);
}

/** A standalone JSON Schema (draft-07) of an event payload, with the nested classes it uses. */
export function jsonSchemaOf(contract: EventContract): JsonSchema {
  const all = classSchemas('#/definitions/');
  const definitions: Record<string, JsonSchema> = {};
  const schema = schemaOfClass(all, contract.payload);
  collectReferences(schema, all, '#/definitions/', definitions);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: dataSchemaOf(contract.type),
    title: contract.type,
    description: contract.description,
    ...schema,
    ...(Object.keys(definitions).length > 0 ? { definitions } : {}),
  };
}

/** Adds to `found` every schema `schema` refers to, directly or through others. */
export function collectReferences(
  schema: unknown,
  all: Record<string, JsonSchema>,
  refPrefix: string,
  found: Record<string, JsonSchema>,
): void {
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = value.slice(refPrefix.length);
      if (!found[name] && all[name]) {
        found[name] = all[name];
        collectReferences(all[name], all, refPrefix, found);
      }
    } else {
      collectReferences(value, all, refPrefix, found);
    }
  }
}
