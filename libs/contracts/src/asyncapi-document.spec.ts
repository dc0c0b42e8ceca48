import { readFileSync } from 'node:fs';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';

const committed = readFileSync(new URL('../asyncapi.json', import.meta.url), 'utf8');

describe('the published AsyncAPI document', () => {
  it('passes @asyncapi/parser validation with no error', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    const errors = diagnostics
      .filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error)
      .map((diagnostic) => `${diagnostic.path.join('.')}: ${diagnostic.message}`);
    expect(errors).toEqual([]);
    expect(
      document
        ?.channels()
        .all()
        .map((channel) => channel.address()),
    ).toEqual(expect.arrayContaining(['accountability.partner.incidents.v1', 'accountability.partner.cases.v1']));
  });
});
