import { readFileSync } from 'node:fs';
import { contractFiles } from './contract-artifacts.js';
import { EventCatalogue } from './event-catalogue.js';
import { jsonSchemaOf } from './json-schema.js';

const committed = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

/** Property names that would mean personal data or free text on the wire. */
const personal = /name|narrative|testimony|contact|staff|witness|victim|explanation|reason$|coordinates|latitude|longitude|locality|admin/i;

describe('published contract', () => {
  it.each(Object.entries(contractFiles()))('%s is up to date (run npm run contracts:generate)', (path, content) => {
    expect(committed(path)).toBe(content);
  });

  it.each(EventCatalogue.map((contract) => [contract.type, contract] as const))(
    '%s carries no personal data or free text',
    (_type, contract) => {
      const properties: string[] = [];
      const walk = (schema: unknown) => {
        if (typeof schema !== 'object' || schema === null) return;
        for (const [key, value] of Object.entries(schema)) {
          if (key === 'properties' && typeof value === 'object' && value) properties.push(...Object.keys(value));
          walk(value);
        }
      };
      walk(jsonSchemaOf(contract));
      expect(properties.filter((property) => personal.test(property) && property !== 'reason')).toEqual([]);
    },
  );

  it.each(EventCatalogue.map((contract) => [contract.type, contract] as const))(
    '%s has a schema with its required fields',
    (_type, contract) => {
      const schema = jsonSchemaOf(contract) as { required?: string[]; properties?: object };
      expect(Object.keys(schema.properties ?? {}).length).toBeGreaterThan(3);
      expect(schema.required).toEqual(expect.arrayContaining([`${contract.aggregateType}Id`]));
    },
  );

  // "overdue" states a fact that has happened as plainly as a participle does; "withdrawn" is one.
  it('names every type with a past participle and a version', () => {
    for (const contract of EventCatalogue) {
      expect(contract.type).toMatch(/^accountability\.(partner\.)?(incident|case|report)\.[a-z-]+\.v\d+$/);
      expect(
        contract.type
          .split('.')
          .at(-2)!
          .split('-')
          .some((word) => /ed$|^overdue$|^withdrawn$/.test(word)),
      ).toBe(true);
    }
  });
});
