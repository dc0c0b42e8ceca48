import request from 'supertest';
import { Topics } from '#contracts';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { eventually } from '../support/eventually.js';
import { OtlpReceiver, SpanKinds, type ReceivedSpan } from '../support/otlp-receiver.js';
import { startService, tokenFor, type RunningService, type ServiceName } from '../support/services.js';
import { TopicReader } from '../support/topic-reader.js';

const VERIFIED = 'accountability.incident.verified.v1';
const CASE_OPENED = 'accountability.case.opened.v1';

describe('tracing: one trace from the verifying request through the outbox and Kafka to the Council read model', () => {
  let receiver: OtlpReceiver;
  let intake: RunningService;
  let investigation: RunningService;
  let reporting: RunningService;
  let reader: TopicReader;
  // Benin is this file's own country, so its incident and case are told apart from the other tests'.
  const officer = tokenFor('officer', 'org-tracing', 'officer-tracing-amina');

  beforeAll(async () => {
    receiver = await OtlpReceiver.start();
    const traced = (name: ServiceName) =>
      startService(
        name,
        { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url },
        `.stack/logs/e2e-tracing-${name}.log`,
      );
    [intake, investigation, reporting] = await Promise.all([
      traced('incident-intake'),
      traced('investigation-tracking'),
      traced('council-reporting'),
    ]);
    reader = await TopicReader.open(Topics.cases);
  });

  afterAll(async () => {
    await reader.close();
    await Promise.all([intake, investigation, reporting].map((service) => service.stop()));
    await receiver.close();
  });

  it('links intake, investigation-tracking and council-reporting spans as parent and child under one trace id', async () => {
    const reported = await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(reportIncidentBody({ countryCode: 'BJ' }))
      .expect(201);
    await request(intake.url).post(`/incidents/${reported.body.id}/verify`).set('Authorization', `Bearer ${officer}`).expect(200);

    const one = (spans: ReceivedSpan[], description: string, match: (span: ReceivedSpan) => boolean): ReceivedSpan => {
      const found = spans.filter(match);
      if (found.length !== 1) throw new Error(`expected one span ${description}, found ${found.length}`);
      return found[0];
    };
    const isChildOf = (parent: ReceivedSpan) => (span: ReceivedSpan) => span.parentSpanId === parent.spanId;

    // The verify request is this file's only one; its server span is where the trace starts.
    const verify = await eventually(async () =>
      one(receiver.spans, 'of the verify request', (span) => span.name === 'POST /incidents/:id/verify'),
    );
    const trace = () => receiver.spans.filter((span) => span.traceId === verify.traceId);
    const chain = await eventually(
      async () => {
        const spans = trace();
        const created = one(
          spans,
          'creating incident.verified',
          (span) => span.attributes['cloudevents.event_type'] === VERIFIED && span.kind === SpanKinds.producer && isChildOf(verify)(span),
        );
        const consumed = one(
          spans,
          'of investigation-tracking consuming incident.verified',
          (span) => span.service === 'investigation-tracking' && isChildOf(created)(span),
        );
        const caseCreated = one(
          spans,
          'creating case.opened',
          (span) => span.attributes['cloudevents.event_type'] === CASE_OPENED && isChildOf(consumed)(span),
        );
        const projected = one(
          spans,
          'of council-reporting consuming case.opened',
          (span) => span.service === 'council-reporting' && isChildOf(caseCreated)(span),
        );
        return { created, consumed, caseCreated, projected };
      },
      { timeoutMs: 60000 },
    );

    expect(verify).toMatchObject({
      service: 'incident-intake',
      kind: SpanKinds.server,
      parentSpanId: undefined,
      attributes: { 'http.request.method': 'POST', 'http.route': '/incidents/:id/verify', 'http.response.status_code': 200 },
    });
    expect(chain.created).toMatchObject({
      service: 'incident-intake',
      name: `create ${Topics.incidents}`,
      attributes: { 'messaging.system': 'kafka', 'messaging.operation.type': 'create', 'messaging.destination.name': Topics.incidents },
    });
    expect(chain.consumed).toMatchObject({
      name: `process ${Topics.incidents}`,
      kind: SpanKinds.consumer,
      attributes: {
        'messaging.operation.type': 'process',
        'messaging.destination.name': Topics.incidents,
        'messaging.message.id': chain.created.attributes['messaging.message.id'],
        'cloudevents.event_type': VERIFIED,
      },
    });
    expect(chain.caseCreated).toMatchObject({
      service: 'investigation-tracking',
      name: `create ${Topics.cases}`,
      kind: SpanKinds.producer,
    });
    expect(chain.projected).toMatchObject({
      name: `process ${Topics.cases}`,
      kind: SpanKinds.consumer,
      attributes: { 'cloudevents.event_type': CASE_OPENED, 'messaging.message.id': chain.caseCreated.attributes['messaging.message.id'] },
    });

    // The relay's send span is a batch of its own, linked to the creation span of what it published.
    await eventually(async () =>
      one(
        receiver.spans,
        'sending incident.verified',
        (span) =>
          span.service === 'incident-intake' &&
          span.name === `send ${Topics.incidents}` &&
          span.links.some((link) => link.spanId === chain.created.spanId),
      ),
    );

    // The Kafka message of case.opened carries its creation span as W3C traceparent.
    const caseMessage = await eventually(async () => {
      const message = reader.messages.find((candidate) => candidate.headers.ce_id === chain.caseCreated.attributes['messaging.message.id']);
      expect(message).toBeDefined();
      return message!;
    });
    expect(caseMessage.headers.traceparent).toBe(`00-${verify.traceId}-${chain.caseCreated.spanId}-01`);

    // Route templates and event ids only: no incident id, reporter or payload in any span.
    const exported = JSON.stringify(trace());
    expect(exported).not.toContain(reported.body.id);
    expect(exported).not.toContain('officer-tracing-amina');
    expect(exported).not.toContain('org-tracing');
  });

  it('exports the spans a stopping service still holds, without waiting for the next batch', async () => {
    const stopping = await startService(
      'incident-intake',
      { OTEL_TRACES_EXPORTER: 'otlp', OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SERVICE_NAME: 'incident-intake-stopping' },
      '.stack/logs/e2e-tracing-incident-intake-stopping.log',
    );
    await request(stopping.url).get('/incidents').query({ countryCode: 'BJ' }).set('Authorization', `Bearer ${officer}`).expect(200);
    await stopping.stop();
    expect(receiver.spans.filter((span) => span.service === 'incident-intake-stopping' && span.name === 'GET /incidents')).toHaveLength(1);
  });
});
