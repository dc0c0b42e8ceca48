import type { IncomingMessage } from 'node:http';
import { methodLabelOf, routeLabelOf } from './http-metrics.js';

describe('HTTP metric labels', () => {
  const request = (fields: { baseUrl?: string; route?: { path?: unknown } }) => fields as IncomingMessage & typeof fields;

  it.each([
    ['the route template, never the URL with its ids', { route: { path: '/incidents/:id' } }, '/incidents/:id'],
    ['a router mount point before the template', { baseUrl: '/docs', route: { path: '/:file' } }, '/docs/:file'],
    ['the root route', { baseUrl: '', route: { path: '' } }, '/'],
    ['unmatched when no route was reached (404, or refused before routing)', {}, 'unmatched'],
    ["unmatched for Nest's catch-all 404 route", { route: { path: '{/*splat}' } }, 'unmatched'],
    ['unmatched for a bare wildcard', { route: { path: '*' } }, 'unmatched'],
    ['a template with a wildcard after a fixed part', { route: { path: '/docs/*file' } }, '/docs/*file'],
    ['unmatched for a route given by a pattern, which is no template', { route: { path: /^\/x/ } }, 'unmatched'],
  ])('route: %s', (_name, fields, label) => {
    expect(routeLabelOf(request(fields))).toBe(label);
  });

  it.each([
    ['GET', 'GET'],
    ['patch', 'PATCH'],
    ['PROPFIND', 'other'],
    [undefined, 'other'],
  ])('method %s is labelled %s', (method, label) => {
    expect(methodLabelOf(method)).toBe(label);
  });
});
