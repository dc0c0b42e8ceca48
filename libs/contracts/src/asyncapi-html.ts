import type { JsonSchema } from './json-schema.js';

/**
 * The AsyncAPI document as one static HTML page: servers, channels with their messages,
 * and every payload and header schema as a table of properties. Our own small renderer:
 * the AsyncAPI generator's HTML template needs a headless browser and React at build time,
 * for a document whose shape we control. Deterministic, so the committed page can be checked.
 */
export function renderAsyncApiHtml(document: JsonSchema): string {
  const info = objectAt(document, 'info');
  const components = objectAt(document, 'components');
  const schemas = objectAt(components, 'schemas');
  const messages = objectAt(components, 'messages');
  const title = text(info.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escape(title)}</title>
<style>
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1b1b1b; line-height: 1.45; }
h1, h2, h3, h4 { line-height: 1.2; } h2 { border-bottom: 2px solid #ccc; padding-bottom: .2rem; margin-top: 2.5rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1.5rem; font-size: .92rem; }
th, td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f0f0; } code { background: #f5f5f5; padding: 0 .2rem; } .required { color: #a00; font-weight: 600; }
section.message { border-left: 4px solid #4a78b0; padding-left: 1rem; margin-bottom: 2rem; }
</style>
</head>
<body>
<h1>${escape(title)} <small>${escape(text(info.version))}</small></h1>
<p>AsyncAPI ${escape(text(document.asyncapi))}. ${escape(text(info.description))}</p>
<p>Machine-readable: <code>/asyncapi.json</code> on each service, <code>libs/contracts/asyncapi.json</code> and <code>libs/contracts/schemas/</code> in the repository.</p>
<h2 id="servers">Servers</h2>
${table(
  ['name', 'host', 'protocol', 'description'],
  Object.entries(objectAt(document, 'servers')).map(([name, server]) => [
    code(name),
    code(text(objectOf(server).host)),
    escape(text(objectOf(server).protocol)),
    escape(text(objectOf(server).description)),
  ]),
)}
<h2 id="channels">Channels</h2>
${table(
  ['channel', 'topic', 'partitions', 'messages', 'description'],
  Object.entries(objectAt(document, 'channels')).map(([name, channel]) => {
    const kafka = objectAt(objectAt(objectOf(channel), 'bindings'), 'kafka');
    return [
      `<a id="channel-${escape(name)}">${code(name)}</a>`,
      code(text(objectOf(channel).address)),
      escape(text(kafka.partitions)),
      Object.keys(objectAt(objectOf(channel), 'messages'))
        .map((type) => `<a href="#message-${escape(type)}">${code(type)}</a>`)
        .join('<br>'),
      escape(text(objectOf(channel).description)),
    ];
  }),
)}
<h2 id="messages">Messages</h2>
${Object.entries(messages)
  .map(([type, message]) => renderMessage(type, objectOf(message)))
  .join('\n')}
<h2 id="schemas">Schemas</h2>
${Object.entries(schemas)
  .map(([name, schema]) => `<h3 id="schema-${escape(name)}">${escape(name)}</h3>\n${renderSchema(objectOf(schema))}`)
  .join('\n')}
</body>
</html>
`;
}

function renderMessage(type: string, message: JsonSchema): string {
  const key = objectAt(objectAt(objectAt(message, 'bindings'), 'kafka'), 'key');
  return `<section class="message" id="message-${escape(type)}">
<h3>${escape(type)}</h3>
<p>${escape(text(message.summary))}</p>
<p>Content type ${code(text(message.contentType))}; key: ${escape(describeType(key))}${key.description ? `, ${escape(text(key.description))}` : ''}; headers: ${schemaLink(objectAt(message, 'headers'))}; payload: ${schemaLink(objectAt(message, 'payload'))}.</p>
</section>`;
}

function renderSchema(schema: JsonSchema): string {
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const properties = Object.entries(objectAt(schema, 'properties'));
  if (properties.length === 0) return `<p>${escape(describeType(schema))}</p>`;
  // Payload properties carry no descriptions (the classes have none): no empty column then.
  const described = properties.some(([, property]) => objectOf(property).description !== undefined);
  return table(
    ['property', 'type', 'required', 'constraints', ...(described ? ['description'] : [])],
    properties.map(([name, property]) => [
      code(name),
      typeCell(objectOf(property)),
      required.has(name) ? '<span class="required">required</span>' : 'optional',
      constraints(objectOf(property)),
      ...(described ? [escape(text(objectOf(property).description))] : []),
    ]),
  );
}

/** A type with a link to the schema a `$ref` names, through arrays and alternatives. */
function typeCell(schema: JsonSchema): string {
  if (typeof schema.$ref === 'string') return schemaLink(schema);
  if (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf)) {
    const alternatives = (schema.oneOf ?? schema.anyOf) as unknown[];
    return alternatives.map((alternative) => typeCell(objectOf(alternative))).join(' or ');
  }
  if (schema.type === 'array') return `array of ${typeCell(objectAt(schema, 'items'))}`;
  return escape(describeType(schema));
}

function describeType(schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : text(schema.type) || 'any';
  return schema.format ? `${type} (${text(schema.format)})` : type;
}

const constraintKeywords = ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const;

function constraints(schema: JsonSchema): string {
  const parts: string[] = [];
  if (Array.isArray(schema.enum)) parts.push(`one of ${schema.enum.map((value) => code(String(value))).join(', ')}`);
  if ('const' in schema) parts.push(`always ${code(JSON.stringify(schema.const))}`);
  if (typeof schema.pattern === 'string') parts.push(`pattern ${code(schema.pattern)}`);
  for (const keyword of constraintKeywords) {
    if (typeof schema[keyword] === 'number') parts.push(`${keyword} ${String(schema[keyword])}`);
  }
  if (typeof schema.example === 'string') parts.push(`e.g. ${code(schema.example)}`);
  const items = schema.type === 'array' ? constraints(objectAt(schema, 'items')) : '';
  if (items) parts.push(`each: ${items}`);
  return parts.join('; ');
}

function schemaLink(schema: JsonSchema): string {
  const ref = text(schema.$ref);
  const name = ref.split('/').at(-1) ?? '';
  return ref ? `<a href="#schema-${escape(name)}">${escape(name)}</a>` : escape(describeType(schema));
}

function table(headings: string[], rows: string[][]): string {
  const head = headings.map((heading) => `<th>${escape(heading)}</th>`).join('');
  const body = rows.map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`).join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function code(value: string): string {
  return `<code>${escape(value)}</code>`;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function objectAt(parent: JsonSchema, key: string): JsonSchema {
  return objectOf(parent[key]);
}

function objectOf(value: unknown): JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : {};
}

function escape(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
