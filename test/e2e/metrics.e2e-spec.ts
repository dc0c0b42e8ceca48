import request from 'supertest';
import { Topics } from '#contracts';
import { KafkaConnection, toolKafkaCredentials } from '#messaging';
import { reportIncidentBody } from '../factories/incident-facts.factory.js';
import { eventually } from '../support/eventually.js';
import { startService, tokenFor, type RunningService } from '../support/services.js';
import { TopicReader } from '../support/topic-reader.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition. */
function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
      if (!match) throw new Error(`not an exposition line: ${line}`);
      const labels: Record<string, string> = {};
      for (const [, name, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[name] = value;
      return { name: match[1], labels, value: Number(match[3]) };
    });
}

class Scrape {
  constructor(readonly samples: Sample[]) {}

  /** Sum of the samples of `name` whose labels include `labels`. */
  value(name: string, labels: Record<string, string> = {}): number {
    return this.matching(name, labels).reduce((sum, sample) => sum + sample.value, 0);
  }

  matching(name: string, labels: Record<string, string> = {}): Sample[] {
    return this.samples.filter(
      (sample) => sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    );
  }
}

async function scrape(service: RunningService): Promise<Scrape> {
  const response = await request(service.url).get('/metrics').expect(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return new Scrape(parseExposition(response.text));
}

const REPORTED = 'accountability.incident.reported.v1';
const VERIFIED = 'accountability.incident.verified.v1';
const CASE_OPENED = 'accountability.case.opened.v1';

describe('/metrics on every service, before and after the thin chain', () => {
  let intake: RunningService;
  let investigation: RunningService;
  let reporting: RunningService;
  let reader: TopicReader;
  const kafka = new KafkaConnection({
    clientId: 'test-metrics',
    brokers: process.env.KAFKA_BROKERS!.split(','),
    credentials: toolKafkaCredentials(),
  });
  const officer = tokenFor('officer', 'org-metrics', 'officer-metrics');
  const reportingStaff = tokenFor('reporting', 'org-metrics');

  beforeAll(async () => {
    [intake, investigation, reporting] = await Promise.all([
      startService('incident-intake'),
      // A short interval, so the scheduler's metrics move during the test.
      startService('investigation-tracking', { OVERDUE_SCAN_INTERVAL_MS: '500' }),
      startService('council-reporting'),
    ]);
    reader = await TopicReader.open(Topics.incidents);
  });

  afterAll(async () => {
    await reader.close();
    await kafka.close();
    await Promise.all([intake, investigation, reporting].map((service) => service.stop()));
  });

  /**
   * Every outbox drained, every consumer caught up, and the consumed counters unchanged since
   * the scrape before: what other tests left behind no longer moves a counter. The lag gauge
   * is cached for 5 s, so two scrapes further apart than that are needed to trust a lag of 0.
   */
  async function settled(): Promise<Record<'intake' | 'investigation' | 'reporting', Scrape>> {
    let previous: string | undefined;
    return eventually(
      async () => {
        const [intakeNow, investigationNow, reportingNow] = await Promise.all([intake, investigation, reporting].map(scrape));
        for (const now of [intakeNow, investigationNow, reportingNow]) {
          expect(now.matching('messaging_outbox_unpublished_rows')).toEqual([expect.objectContaining({ value: 0 })]);
        }
        for (const now of [investigationNow, reportingNow]) {
          const lag = now.matching('messaging_consumer_lag_messages');
          expect(lag.length).toBeGreaterThan(0);
          expect(lag.filter((sample) => sample.value !== 0)).toEqual([]);
        }
        const consumed = JSON.stringify([investigationNow, reportingNow].map((now) => now.matching('messaging_events_consumed_total')));
        const unchanged = consumed === previous;
        previous = consumed;
        expect(unchanged).toBe(true);
        return { intake: intakeNow, investigation: investigationNow, reporting: reportingNow };
      },
      { intervalMs: 6_000, timeoutMs: 90_000 },
    );
  }

  it('counts the chain’s requests and events, exposes the gauges and puts no id in a label', async () => {
    const before = await settled();
    let casePolls = 0;

    const reported = await request(intake.url)
      .post('/incidents')
      .set('Authorization', `Bearer ${officer}`)
      .send(reportIncidentBody({ countryCode: 'ZM' }))
      .expect(201);
    await request(intake.url).post(`/incidents/${reported.body.id}/verify`).set('Authorization', `Bearer ${officer}`).expect(200);
    await request(intake.url)
      .post('/incidents')
      .send(reportIncidentBody({ countryCode: 'ZM' }))
      .expect(401);
    await request(intake.url).get(`/no-such-path/${reported.body.id}`).set('Authorization', `Bearer ${officer}`).expect(404);
    const opened = await eventually(async () => {
      casePolls++;
      const cases = await request(investigation.url)
        .get('/cases')
        .query({ incidentId: reported.body.id })
        .set('Authorization', `Bearer ${reportingStaff}`)
        .expect(200);
      expect(cases.body.items).toHaveLength(1);
      return cases.body.items[0] as { id: string; reference: string };
    });
    // A redelivery of the verification: the inboxes absorb it and count it.
    const verification = await eventually(async () => {
      const message = reader.messages.find((candidate) => candidate.key === reported.body.id && candidate.headers.ce_type === VERIFIED);
      expect(message).toBeDefined();
      return message!;
    });
    await kafka.sendBatch({
      topicMessages: [
        { topic: Topics.incidents, messages: [{ key: verification.key, value: verification.value!, headers: verification.headers }] },
      ],
    });
    await eventually(async () => {
      const [investigationNow, reportingNow] = await Promise.all([investigation, reporting].map(scrape));
      const absorbed = { type: VERIFIED, outcome: 'duplicate' };
      expect(investigationNow.value('messaging_events_consumed_total', absorbed)).toBe(
        before.investigation.value('messaging_events_consumed_total', absorbed) + 1,
      );
      expect(reportingNow.value('messaging_events_consumed_total', absorbed)).toBe(
        before.reporting.value('messaging_events_consumed_total', absorbed) + 1,
      );
    });
    const after = await settled();

    const moved = (service: keyof typeof after, name: string, labels: Record<string, string>) =>
      after[service].value(name, labels) - before[service].value(name, labels);
    const requests = 'http_request_duration_seconds_count';
    expect({
      reported: moved('intake', requests, { method: 'POST', route: '/incidents', status_code: '201' }),
      verified: moved('intake', requests, { method: 'POST', route: '/incidents/:id/verify', status_code: '200' }),
      refused: moved('intake', requests, { method: 'POST', route: '/incidents', status_code: '401' }),
      unrouted: moved('intake', requests, { method: 'GET', route: 'unmatched', status_code: '404' }),
      casesListed: moved('investigation', requests, { method: 'GET', route: '/cases', status_code: '200' }),
    }).toEqual({ reported: 1, verified: 1, refused: 1, unrouted: 1, casesListed: casePolls });

    const published = 'messaging_outbox_published_total';
    expect({
      reported: moved('intake', published, { topic: Topics.incidents, type: REPORTED }),
      verified: moved('intake', published, { topic: Topics.incidents, type: VERIFIED }),
      caseOpened: moved('investigation', published, { topic: Topics.cases, type: CASE_OPENED }),
    }).toEqual({ reported: 1, verified: 1, caseOpened: 1 });

    const consumed = 'messaging_events_consumed_total';
    const processed = (service: 'investigation' | 'reporting', type: string) => moved(service, consumed, { type, outcome: 'processed' });
    expect({
      investigation: [processed('investigation', REPORTED), processed('investigation', VERIFIED)],
      reporting: [processed('reporting', REPORTED), processed('reporting', VERIFIED), processed('reporting', CASE_OPENED)],
      deadLettered: [
        moved('investigation', consumed, { outcome: 'dead_lettered' }),
        moved('reporting', consumed, { outcome: 'dead_lettered' }),
      ],
    }).toEqual({ investigation: [1, 1], reporting: [1, 1, 1], deadLettered: [0, 0] });

    // Latency is a histogram with the usual buckets, sum and count.
    const latency = after.intake.matching('http_request_duration_seconds_bucket', { route: '/incidents/:id/verify' });
    expect(latency.map((sample) => sample.labels.le)).toContain('+Inf');
    expect(after.intake.matching('http_request_duration_seconds_sum', { route: '/incidents/:id/verify' })).toHaveLength(1);

    // The scrape-time gauges of every service, and the scheduler's passes.
    for (const [service, schema] of [
      ['intake', 'intake'],
      ['investigation', 'investigation'],
      ['reporting', 'reporting'],
    ] as const) {
      for (const gauge of [
        'messaging_outbox_unpublished_rows',
        'messaging_outbox_oldest_unpublished_age_seconds',
        'messaging_outbox_parked_rows',
      ]) {
        expect(after[service].matching(gauge, { schema })).toHaveLength(1);
      }
    }
    expect(after.investigation.matching('messaging_consumer_lag_messages', { topic: Topics.incidents }).length).toBeGreaterThan(0);
    expect(after.reporting.matching('messaging_consumer_lag_messages', { topic: Topics.cases }).length).toBeGreaterThan(0);
    await eventually(async () =>
      expect((await scrape(investigation)).value('investigation_overdue_passes_total', { outcome: 'completed' })).toBeGreaterThan(
        before.investigation.value('investigation_overdue_passes_total', { outcome: 'completed' }),
      ),
    );
    expect(after.investigation.matching('investigation_due_dates_marked_overdue_total')).toHaveLength(1);

    // Every series says its service; no label holds an id, a reference, an organisation or a person.
    const forbidden = [reported.body.id, reported.body.reference, opened.id, opened.reference, 'org-metrics', 'officer-metrics'];
    for (const [service, name] of [
      [after.intake, 'incident-intake'],
      [after.investigation, 'investigation-tracking'],
      [after.reporting, 'council-reporting'],
    ] as const) {
      expect(service.samples.filter((sample) => sample.labels.service !== name)).toEqual([]);
      const values = service.samples.flatMap((sample) => Object.values(sample.labels));
      expect(values.filter((value) => /[0-9a-f]{8}-[0-9a-f]{4}-/i.test(value) || forbidden.some((id) => value.includes(id)))).toEqual([]);
    }
  });

  it('is open without a token and left out of the OpenAPI document', async () => {
    const document = await request(intake.url).get('/docs/openapi.json').expect(200);
    expect(Object.keys(document.body.paths)).not.toContain('/metrics');
    expect(Object.keys(document.body.paths)).toContain('/incidents');
  });
});
