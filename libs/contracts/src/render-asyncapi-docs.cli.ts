// npm run contracts:docs — renders the AsyncAPI document as HTML for partners (docs/asyncapi/index.html).
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { asyncApiHtmlPath, asyncApiHtml } from './asyncapi-docs.js';

mkdirSync(dirname(asyncApiHtmlPath), { recursive: true });
writeFileSync(asyncApiHtmlPath, asyncApiHtml());
console.log(`wrote ${asyncApiHtmlPath}`);
