import { buildAsyncApiDocument } from './asyncapi.js';
import { EventCatalogue } from './event-catalogue.js';
import { jsonSchemaOf } from './json-schema.js';

/** Where the published artifacts live, relative to libs/contracts. */
const SchemaFolder = 'schemas';
const AsyncApiFile = 'asyncapi.json';

/** Every published contract file and its content, keyed by its path under libs/contracts. */
export function contractFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const contract of EventCatalogue)
    files[`${SchemaFolder}/${contract.type}.json`] = `${JSON.stringify(jsonSchemaOf(contract), null, 2)}\n`;
  files[AsyncApiFile] = `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`;
  return files;
}
