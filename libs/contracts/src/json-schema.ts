type SchemaObject = Record<string, unknown>;
// class-transformer ships no exports map; its storage holds the @Type() of nested payloads.
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage } from 'class-validator';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import type { EventContract } from './event-contract.js';
import { dataSchemaOf } from './event-contract.js';

type JsonSchema = SchemaObject & { $schema?: string; $id?: string; $defs?: Record<string, SchemaObject> };

/**
 * JSON Schema (draft 2020-12) of an event payload, derived from the same class-validator
 * class consumers validate with, so the published schema cannot drift from the code.
 */
export function jsonSchemaOf(contract: EventContract): JsonSchema {
  const all = validationMetadatasToSchemas({
    classValidatorMetadataStorage: getMetadataStorage(),
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/$defs/',
  }) as Record<string, SchemaObject>;
  const root = all[contract.payload.name];
  const defs: Record<string, SchemaObject> = {};
  collectRefs(root, all, defs);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: dataSchemaOf(contract.type),
    title: contract.type,
    description: contract.description,
    ...root,
    ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
  };
}

function collectRefs(schema: unknown, all: Record<string, SchemaObject>, defs: Record<string, SchemaObject>): void {
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = value.replace('#/$defs/', '');
      if (!defs[name] && all[name]) {
        defs[name] = all[name];
        collectRefs(all[name], all, defs);
      }
    } else {
      collectRefs(value, all, defs);
    }
  }
}
