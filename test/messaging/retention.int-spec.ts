import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { deadLetterTopicOf } from '#contracts';
import { Transactions } from '#database';
import { systemClock, type Clock } from '#domain';
import { EventConsumer, Inbox, MessagingRetention, type IntegrationEventHandler, type KafkaConnection } from '#messaging';
import { openTestDataSource } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { probeContract, probeMessage, testKafka, type ProbeRecordedV1 } from '../support/probe-events.js';

const DayMs = 24 * 3600 * 1000;

describe('retention of the outbox and inbox (real PostgreSQL and Kafka)', () => {
  let dataSource: DataSource;
  let kafka: KafkaConnection;
  /** Kept forever, as the event topics are. */
  let foreverTopic: string;
  /** Ten days of retention and one-day segments: messages can stay eleven days. */
  let tenDayTopic: string;
  // The outbox and inbox timestamps the job compares with are PostgreSQL's now(), real time: so is its clock here.
  const clock: Clock = systemClock;
  const warnings: string[] = [];

  function retention(topics: string[], overrides: { inboxRetentionDays?: number; batchSize?: number } = {}) {
    return new MessagingRetention(dataSource, kafka, {
      schema: 'intake',
      outboxRetentionDays: 7,
      inboxRetentionDays: overrides.inboxRetentionDays ?? 1,
      topics,
      batchSize: overrides.batchSize,
      log: (level, message) => void (level === 'warn' && warnings.push(message)),
    });
  }

  async function createTopic(name: string, retentionMs: string): Promise<string> {
    const topic = `test.retention-${name}.${randomUUID()}`;
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: [topic, deadLetterTopicOf(topic)].map((created) => ({
          topic: created,
          numPartitions: 1,
          replicationFactor: 1,
          configEntries: [
            { name: 'retention.ms', value: retentionMs },
            { name: 'segment.ms', value: String(DayMs) },
          ],
        })),
      });
    } finally {
      await admin.disconnect();
    }
    return topic;
  }

  /** An outbox row of the aggregate, `ageDays` old, in the given state. */
  async function outboxRow(
    aggregateId: string,
    ageDays: number,
    state: 'published' | 'unpublished' | 'parked' | 'discarded',
  ): Promise<string> {
    const id = randomUUID();
    const at = new Date(clock.now().getTime() - ageDays * DayMs);
    await dataSource.query(
      `INSERT INTO intake.outbox (id, aggregatetype, aggregateid, type, payload, topic, headers, created_at, published_at, parked_at, parked_reason, discarded_at)
       VALUES ($1, 'incident', $2, 'test.retention.v1', '{}', 'test.retention.unsent', '{}', $3, $4, $5, $6, $7)`,
      [
        id,
        aggregateId,
        at,
        state === 'published' ? at : null,
        state === 'parked' || state === 'discarded' ? at : null,
        state === 'parked' || state === 'discarded' ? 'refused by the broker' : null,
        state === 'discarded' ? at : null,
      ],
    );
    return id;
  }

  async function outboxIdsOf(aggregateId: string): Promise<string[]> {
    const rows: { id: string }[] = await dataSource.query('SELECT id FROM intake.outbox WHERE aggregateid = $1 ORDER BY id', [aggregateId]);
    return rows.map((row) => row.id);
  }

  async function inboxRow(group: string, ageDays: number): Promise<string> {
    const eventId = randomUUID();
    await dataSource.query(
      `INSERT INTO intake.inbox (consumer_group, event_id, event_type, processed_at) VALUES ($1, $2, 'test.retention.v1', $3)`,
      [group, eventId, new Date(clock.now().getTime() - ageDays * DayMs)],
    );
    return eventId;
  }

  async function inboxIdsOf(group: string): Promise<string[]> {
    const rows: { event_id: string }[] = await dataSource.query(
      'SELECT event_id FROM intake.inbox WHERE consumer_group = $1 ORDER BY event_id',
      [group],
    );
    return rows.map((row) => row.event_id);
  }

  beforeAll(async () => {
    dataSource = await openTestDataSource('intake');
    kafka = testKafka('retention-test');
    foreverTopic = await createTopic('forever', '-1');
    tenDayTopic = await createTopic('ten-days', String(10 * DayMs));
  });

  afterAll(async () => {
    await kafka.close();
    // Rows made to stay unpublished (held behind a parked one) would otherwise sit in the
    // service's outbox for good, a backlog every later test of that service would see.
    await dataSource.query(`DELETE FROM intake.outbox WHERE type = 'test.retention.v1'`);
    await dataSource.query(`DELETE FROM intake.inbox WHERE event_type = 'test.retention.v1'`);
    await dataSource.destroy();
  });

  beforeEach(() => void warnings.splice(0));

  it('deletes published outbox rows older than the age, in batches, and keeps newer, unpublished, parked and discarded ones', async () => {
    const aggregateId = randomUUID();
    const old = await Promise.all([1, 2, 3, 4, 5].map(() => outboxRow(aggregateId, 30, 'published')));
    const kept = await Promise.all([
      outboxRow(aggregateId, 2, 'published'),
      outboxRow(aggregateId, 30, 'unpublished'),
      outboxRow(aggregateId, 30, 'parked'),
      outboxRow(aggregateId, 30, 'discarded'),
    ]);

    const dry = await retention([tenDayTopic], { batchSize: 2 }).run(clock, true);
    expect(dry.outbox).toBeGreaterThanOrEqual(old.length);
    expect(await outboxIdsOf(aggregateId)).toEqual([...old, ...kept].sort());

    const result = await retention([tenDayTopic], { batchSize: 2 }).run(clock);
    expect(result).toMatchObject({ skipped: false });
    expect(result.outbox).toBeGreaterThanOrEqual(old.length);
    expect(await outboxIdsOf(aggregateId)).toEqual([...kept].sort());
  });

  it('keeps inbox rows as long as the topic can redeliver their events, whatever shorter age is configured', async () => {
    const group = `test-retention-${randomUUID()}`;
    const expired = await inboxRow(group, 30);
    const withinTopicRetention = await inboxRow(group, 5);
    const recent = await inboxRow(group, 0);

    // One day configured, but the topic keeps messages up to 10 days plus a one-day segment.
    const result = await retention([tenDayTopic], { inboxRetentionDays: 1 }).run(clock);
    expect(result.inboxCutoff!.getTime()).toBeCloseTo(clock.now().getTime() - 11 * DayMs, -5);
    expect(warnings).toEqual([
      expect.stringMatching(
        /^INBOX_RETENTION_DAYS=1 is shorter than the retention of test\.retention-ten-days\..+ \(11\.00 days with its last segment\): inbox rows are kept that long instead$/,
      ),
    ]);
    expect(await inboxIdsOf(group)).toEqual([withinTopicRetention, recent].sort());
    expect(await inboxIdsOf(group)).not.toContain(expired);

    // A configured age beyond the topic's applies as it is.
    await retention([tenDayTopic], { inboxRetentionDays: 3 }).run(clock);
    expect(await inboxIdsOf(group)).toEqual([withinTopicRetention, recent].sort());
    const longer = await retention([tenDayTopic], { inboxRetentionDays: 20 }).run(clock);
    expect(longer.inboxCutoff!.getTime()).toBeCloseTo(clock.now().getTime() - 20 * DayMs, -5);
  });

  it('keeps the whole inbox when a topic is kept forever or the inbox age is 0', async () => {
    const group = `test-retention-${randomUUID()}`;
    const ancient = await inboxRow(group, 4000);

    const forever = await retention([tenDayTopic, foreverTopic], { inboxRetentionDays: 365 }).run(clock);
    expect(forever).toMatchObject({ inbox: 0, inboxCutoff: undefined });
    expect(warnings).toEqual([`INBOX_RETENTION_DAYS=365 is shorter than the retention of ${foreverTopic} (forever): inbox rows are kept`]);
    expect(await retention([tenDayTopic], { inboxRetentionDays: 0 }).run(clock)).toMatchObject({ inbox: 0, inboxCutoff: undefined });
    expect(await inboxIdsOf(group)).toEqual([ancient]);
  });

  it('skips a run while another instance holds the schema retention lock', async () => {
    const aggregateId = randomUUID();
    const old = await outboxRow(aggregateId, 30, 'published');
    const other = dataSource.createQueryRunner();
    await other.connect();
    try {
      await other.query('SELECT pg_advisory_lock(hashtext($1))', ['retention:intake']);
      expect(await retention([tenDayTopic]).run(clock)).toEqual({ outbox: 0, inbox: 0, skipped: true });
      expect(await outboxIdsOf(aggregateId)).toEqual([old]);
    } finally {
      await other.query('SELECT pg_advisory_unlock(hashtext($1))', ['retention:intake']);
      await other.release();
    }
    await retention([tenDayTopic]).run(clock);
    expect(await outboxIdsOf(aggregateId)).toEqual([]);
  });

  describe('a redelivery after the job', () => {
    let consumer: EventConsumer;
    let transactions: Transactions;
    const effects: string[] = [];

    const handler: IntegrationEventHandler<ProbeRecordedV1> = {
      contracts: [probeContract('set in beforeAll')],
      async handle(payload) {
        // Runs inside the consumer's transaction, after its inbox claim.
        await transactions.manager().query('SELECT 1');
        effects.push(`${payload.probeId}:${payload.sequence}`);
      },
    };

    beforeAll(async () => {
      transactions = new Transactions(dataSource);
      Object.assign(handler, { contracts: [probeContract(foreverTopic)] });
      consumer = new EventConsumer(kafka, transactions, new Inbox('intake'), {
        groupId: `test-retention-${randomUUID()}`,
        topics: [foreverTopic],
        handlers: [handler],
      });
      await consumer.start();
    });

    afterAll(async () => {
      await consumer.stop();
    });

    it('is still absorbed: an inbox age shorter than the topic retention is refused, the effect happens once', async () => {
      const probeId = randomUUID();
      const eventId = randomUUID();
      const producer = await kafka.producer();
      await producer.send({ topic: foreverTopic, acks: -1, messages: [probeMessage(probeId, { probeId, sequence: 1 }, eventId)] });
      await eventually(async () => expect(effects).toContain(`${probeId}:1`));

      // A year later, with a one-day inbox age configured.
      const yearLater: Clock = { now: () => new Date(clock.now().getTime() + 365 * DayMs) };
      const result = await retention([foreverTopic], { inboxRetentionDays: 1 }).run(yearLater);
      expect(result.inboxCutoff).toBeUndefined();
      expect(warnings).toEqual([`INBOX_RETENTION_DAYS=1 is shorter than the retention of ${foreverTopic} (forever): inbox rows are kept`]);

      // The redelivery, then a new event behind it on the same partition: once the new one is
      // applied, the redelivery has been consumed.
      await producer.send({
        topic: foreverTopic,
        acks: -1,
        messages: [probeMessage(probeId, { probeId, sequence: 1 }, eventId), probeMessage(probeId, { probeId, sequence: 2 })],
      });
      await eventually(async () => expect(effects).toContain(`${probeId}:2`));
      expect(effects.filter((effect) => effect.startsWith(probeId))).toEqual([`${probeId}:1`, `${probeId}:2`]);
    });
  });
});
