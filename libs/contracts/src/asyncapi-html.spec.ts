import { readFileSync } from 'node:fs';
import { asyncApiHtml, asyncApiHtmlPath } from './asyncapi-docs.js';
import { renderAsyncApiHtml } from './asyncapi-html.js';

describe('the AsyncAPI document as HTML', () => {
  it(`${asyncApiHtmlPath} is up to date (run npm run contracts:docs)`, () => {
    expect(readFileSync(new URL(`../../../${asyncApiHtmlPath}`, import.meta.url), 'utf8')).toBe(asyncApiHtml());
  });

  it('shows each partner channel, its messages and their payload properties', () => {
    const html = asyncApiHtml();
    for (const text of [
      '<code>accountability.partner.incidents.v1</code>',
      '<a href="#message-accountability.partner.case.withdrawn.v1">',
      '<h3 id="schema-PartnerIncidentPublishedV1">PartnerIncidentPublishedV1</h3>',
      '<code>ce_id</code>',
    ]) {
      expect(html).toContain(text);
    }
  });

  it('escapes text from the document and renders constraints, alternatives and required fields', () => {
    const html = renderAsyncApiHtml({
      info: { title: 'Events <of> "us"' },
      components: {
        schemas: {
          Thing: {
            required: ['at'],
            properties: {
              at: { oneOf: [{ type: 'string', format: 'date' }, { $ref: '#/components/schemas/Day' }] },
              codes: { type: 'array', maxItems: 3, items: { type: 'string', pattern: '^[A-Z]{2}$' } },
              kind: { type: 'string', enum: ['a', 'b'] },
            },
          },
        },
      },
    });
    expect(html).toContain('<title>Events &lt;of&gt; &quot;us&quot;</title>');
    expect(html).toContain('<td>string (date) or <a href="#schema-Day">Day</a></td><td><span class="required">required</span></td>');
    expect(html).toContain('<td>array of string</td><td>optional</td><td>maxItems 3; each: pattern <code>^[A-Z]{2}$</code></td>');
    expect(html).toContain('one of <code>a</code>, <code>b</code>');
  });
});
