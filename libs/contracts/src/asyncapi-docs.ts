import { buildAsyncApiDocument } from './asyncapi.js';
import { renderAsyncApiHtml } from './asyncapi-html.js';

/** Where the rendered document lives, relative to the repository root. */
export const asyncApiHtmlPath = 'docs/asyncapi/index.html';

export function asyncApiHtml(): string {
  return renderAsyncApiHtml(buildAsyncApiDocument());
}
