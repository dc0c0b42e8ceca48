// npm run contracts:generate — writes the JSON Schemas and the AsyncAPI document partners read.
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contractFiles } from './contract-artifacts.js';

const root = process.argv[2] ?? 'libs/contracts';
for (const [path, content] of Object.entries(contractFiles())) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  console.log(`wrote ${join(root, path)}`);
}
