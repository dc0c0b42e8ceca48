import { randomBytes, randomUUID } from 'node:crypto';
import { Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { KafkaConnection, Outbox } from '#messaging';
import { MessagingMetrics } from '../../libs/messaging/src/messaging-metrics.js';
import { testNow } from '../support/clock.js';
import { openMessagingSchema } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { createProbeTopic, probeContract, testKafka } from '../support/probe-events.js';

/** The scrape-time gauges against the real database and broker, on a schema and a topic of the test's own. */
describe('messaging metrics read at scrape time (real PostgreSQL and Kafka)', () => {
  const schema = `metrics_${randomBytes(4).toString('hex')}`;
  const groupId = `test-metrics-${randomUUID()}`;
  let dataSource: DataSource;
  let kafka: KafkaConnection;
  let topic: string;
  let registry: Registry;
  let sut: MessagingMetrics;

  async function values(name: string) {
    return (await registry.getSingleMetric(name)!.get()).values;
  }

  beforeAll(async () => {
    dataSource = await openMessagingSchema(schema);
    kafka = testKafka('messaging-metrics-test');
    topic = await createProbeTopic(kafka, 'metrics', 2);
    registry = new Registry();
    sut = new MessagingMetrics(registry, dataSource, kafka, { schema, consumer: { groupId, topics: [topic] }, log: () => undefined });
  });

  afterAll(async () => {
    await sut.onApplicationShutdown();
    await kafka.close();
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  });

  it('counts waiting rows apart from parked ones, ages the oldest, and forgets published and discarded rows', async () => {
    const empty = await Promise.all(
      ['messaging_outbox_unpublished_rows', 'messaging_outbox_oldest_unpublished_age_seconds', 'messaging_outbox_parked_rows'].map(values),
    );
    expect(empty.map(([sample]) => sample.value)).toEqual([0, 0, 0]);

    const outbox = new Outbox(schema, '/accountability/test');
    const event = (sequence: number) => ({
      contract: probeContract(topic),
      aggregateId: randomUUID(),
      payload: { probeId: randomUUID(), sequence },
    });
    const [, old, parked, discarded, published] = await dataSource.transaction((manager) =>
      outbox.append(manager, [1, 2, 3, 4, 5].map(event), testNow()),
    );
    await dataSource.query(`UPDATE "${schema}".outbox SET created_at = now() - interval '90 seconds' WHERE id = $1`, [old]);
    await dataSource.query(`UPDATE "${schema}".outbox SET parked_at = now() - interval '1 hour' WHERE id = ANY($1)`, [[parked, discarded]]);
    await dataSource.query(`UPDATE "${schema}".outbox SET discarded_at = now() WHERE id = $1`, [discarded]);
    await dataSource.query(`UPDATE "${schema}".outbox SET published_at = now(), created_at = now() - interval '1 day' WHERE id = $1`, [
      published,
    ]);

    expect(await values('messaging_outbox_unpublished_rows')).toEqual([{ labels: { schema }, value: 2 }]);
    expect(await values('messaging_outbox_parked_rows')).toEqual([{ labels: { schema }, value: 1 }]);
    const [age] = await values('messaging_outbox_oldest_unpublished_age_seconds');
    expect(age.value).toBeGreaterThanOrEqual(90);
    expect(age.value).toBeLessThan(3600);
  });

  it('reports per partition the messages the group has not committed, from the oldest kept when it never committed', async () => {
    const messages = (partition: number, count: number) =>
      Array.from({ length: count }, (_, index) => ({ partition, key: `k${index}`, value: JSON.stringify({ index }) }));
    await kafka.sendBatch({ topicMessages: [{ topic, messages: [...messages(0, 5), ...messages(1, 2)] }] });
    const lagByPartition = async () =>
      Object.fromEntries(
        (await values('messaging_consumer_lag_messages')).map(({ labels, value }) => {
          expect(labels).toMatchObject({ consumer_group: groupId, topic });
          return [labels.partition, value];
        }),
      );
    await eventually(async () => expect(await lagByPartition()).toEqual({ 0: 5, 1: 2 }));

    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '3' }] });
    } finally {
      await admin.disconnect();
    }
    // Answers are kept a few seconds between scrapes; the commit shows in a later one.
    await eventually(async () => expect(await lagByPartition()).toEqual({ 0: 2, 1: 2 }));
  });

  it('labels a consumed event of a type the service does not handle as other', async () => {
    sut.onConsumed({ topic, partition: 0, type: undefined, outcome: 'dead_lettered' });
    sut.onConsumed({ topic, partition: 0, type: 'test.probe.recorded.v1', outcome: 'processed' });
    expect(await values('messaging_events_consumed_total')).toEqual([
      { labels: { topic, type: 'other', outcome: 'dead_lettered' }, value: 1 },
      { labels: { topic, type: 'test.probe.recorded.v1', outcome: 'processed' }, value: 1 },
    ]);
  });
});
