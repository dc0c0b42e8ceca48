import { headersOf, parseCloudEvent } from './envelope.js';
import { PoisonMessageError } from './consumer/poison-message.error.js';

const attributes = {
  specversion: '1.0' as const,
  id: '01a226d8-0418-731e-a930-cef436a2f0ab',
  source: '/accountability/incident-intake',
  type: 'accountability.incident.reported.v1',
  time: '2026-11-29T12:00:00.000Z',
  subject: 'incident/01a226d8-0418-731e-a930-cef436a2f0ab',
  dataschema: 'urn:accountability:schema:accountability.incident.reported.v1',
  correlationid: 'c-1',
};

function message(headers: Record<string, string>, value: string | null = '{"a":1}') {
  return {
    headers: Object.fromEntries(Object.entries(headers).map(([name, header]) => [name, Buffer.from(header)])),
    value: value === null ? null : Buffer.from(value),
  };
}

describe('CloudEvents binary mode', () => {
  it('round-trips attributes through ce_* headers', () => {
    const sut = parseCloudEvent(message(headersOf(attributes)));
    expect(sut).toEqual({ ...attributes, datacontenttype: 'application/json', data: { a: 1 } });
  });

  it('writes content-type and ce_ prefixed headers', () => {
    expect(headersOf(attributes)).toMatchObject({ 'content-type': 'application/json', ce_type: attributes.type, ce_id: attributes.id });
  });

  it.each([
    ['a missing ce_id', (h: Record<string, string>) => delete h.ce_id, 'missing header(s) ce_id'],
    ['another specversion', (h: Record<string, string>) => (h.ce_specversion = '0.3'), 'unsupported CloudEvents specversion'],
    ['another content type', (h: Record<string, string>) => (h['content-type'] = 'application/avro'), 'unsupported content-type'],
  ])('refuses %s as poison', (_case, change, reason) => {
    const headers = headersOf(attributes);
    change(headers);
    expect(() => parseCloudEvent(message(headers))).toThrow(PoisonMessageError);
    expect(() => parseCloudEvent(message(headers))).toThrow(reason);
  });

  it.each([['{not json'], [null]])('refuses a value that is not JSON (%s)', (value) => {
    expect(() => parseCloudEvent(message(headersOf(attributes), value))).toThrow('message value is not valid JSON');
  });
});
