import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Outbox, OutboxRelay, type KafkaConnection } from '#messaging';
import { openTestDataSource } from '../support/database.js';
import { testNow } from '../support/clock.js';
import { eventually } from '../support/eventually.js';
import { createProbeTopic, probeContract, testKafka } from '../support/probe-events.js';
import { TopicReader } from '../support/topic-reader.js';

describe('transactional outbox and relay (real PostgreSQL and Kafka)', () => {
  let dataSource: DataSource;
  let kafka: KafkaConnection;
  let topic: string;
  let reader: TopicReader;
  const outbox = new Outbox('intake', '/accountability/test');
  const relays: OutboxRelay[] = [];

  function relay(): OutboxRelay {
    const created = new OutboxRelay(dataSource, kafka, { schema: 'intake', databaseUrl: process.env.DATABASE_URL!, batchSize: 7 });
    relays.push(created);
    return created;
  }

  beforeAll(async () => {
    dataSource = await openTestDataSource('intake');
    kafka = testKafka('outbox-relay-test');
    topic = await createProbeTopic(kafka, 'outbox');
    reader = await TopicReader.open(topic);
  });

  afterAll(async () => {
    await Promise.all(relays.map((created) => created.stop()));
    await reader.close();
    await kafka.close();
    await dataSource.destroy();
  });

  it('never publishes an event written in a transaction that rolls back', async () => {
    const aggregateId = randomUUID();
    const append = (sequence: number) =>
      dataSource.transaction((manager) =>
        outbox.append(manager, [{ contract: probeContract(topic), aggregateId, payload: { probeId: aggregateId, sequence } }], testNow()),
      );

    await expect(
      dataSource.transaction(async (manager) => {
        await outbox.append(
          manager,
          [{ contract: probeContract(topic), aggregateId, payload: { probeId: aggregateId, sequence: 1 } }],
          testNow(),
        );
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    await append(2);
    await relay().wake();

    // Same key, same partition: had sequence 1 been published, it would come before 2.
    const published = await eventually(async () => {
      const found = reader.messages.filter((message) => message.key === aggregateId);
      expect(found.map((message) => JSON.parse(message.value!).sequence)).toContain(2);
      return found;
    });
    expect(published.map((message) => JSON.parse(message.value!).sequence)).toEqual([2]);
    const [{ count }] = await dataSource.query(`SELECT count(*)::int AS count FROM intake.outbox WHERE aggregateid = $1`, [aggregateId]);
    expect(count).toBe(1);
  });

  it('publishes one aggregate’s events in commit order, once, while two relays run and NOTIFY wakes them', async () => {
    const first = relay();
    const second = relay();
    await Promise.all([first.start(), second.start()]);
    const aggregates = [randomUUID(), randomUUID(), randomUUID()];

    // Commits interleave aggregates; each aggregate's own events commit in sequence order.
    for (let sequence = 1; sequence <= 15; sequence++) {
      await dataSource.transaction((manager) =>
        outbox.append(
          manager,
          aggregates.map((aggregateId) => ({ contract: probeContract(topic), aggregateId, payload: { probeId: aggregateId, sequence } })),
          testNow(),
        ),
      );
    }

    for (const aggregateId of aggregates) {
      const sequences = await eventually(async () => {
        const found = reader.messages
          .filter((message) => message.key === aggregateId)
          .map((message) => JSON.parse(message.value!).sequence);
        expect(found).toHaveLength(15);
        return found;
      });
      expect(sequences).toEqual(Array.from({ length: 15 }, (_, index) => index + 1));
    }
    const [{ pending }] = await dataSource.query(
      `SELECT count(*)::int AS pending FROM intake.outbox WHERE published_at IS NULL AND aggregateid = ANY($1)`,
      [aggregates],
    );
    expect(pending).toBe(0);
  });

  it('carries the CloudEvents attributes and the correlation id in headers, keyed by aggregate id', async () => {
    const aggregateId = randomUUID();
    const { Correlation } = await import('#observability');
    await Correlation.run('correlation-under-test', () =>
      dataSource.transaction((manager) =>
        outbox.append(
          manager,
          [{ contract: probeContract(topic), aggregateId, payload: { probeId: aggregateId, sequence: 1 } }],
          testNow(),
        ),
      ),
    );
    // Its own relay when it runs first: --randomize may put it before the tests that make one.
    await (relays[0] ?? relay()).wake();
    const message = await eventually(async () => {
      const found = reader.messages.find((candidate) => candidate.key === aggregateId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(message.headers).toMatchObject({
      'content-type': 'application/json',
      ce_specversion: '1.0',
      ce_type: 'test.probe.recorded.v1',
      ce_source: '/accountability/test',
      ce_subject: `incident/${aggregateId}`,
      ce_correlationid: 'correlation-under-test',
    });
    expect(message.headers.ce_id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
