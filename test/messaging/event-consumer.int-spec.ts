import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Transactions } from '#database';
import { EventConsumer, Inbox, type IntegrationEventHandler, type KafkaConnection } from '#messaging';
import { openTestDataSource } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { createProbeTopic, probeContract, probeMessage as probeEvent, testKafka, type ProbeRecordedV1 } from '../support/probe-events.js';
import { TopicReader } from '../support/topic-reader.js';

describe('event consumer: inbox, retries and dead letters (real PostgreSQL and Kafka)', () => {
  let dataSource: DataSource;
  let kafka: KafkaConnection;
  let transactions: Transactions;
  let topic: string;
  let dlqReader: TopicReader;
  let consumer: EventConsumer;
  /** Fails the first N attempts for a probe id, as a dropped database connection would. */
  const transientFailures = new Map<string, number>();
  /** Fails the first N attempts for a probe id with an error nobody expected, as a bug would. */
  const unexplainedFailures = new Map<string, number>();
  /** Fails the first N attempts at one message of a probe (`probeId/sequence`) with the error given. */
  const failuresAt = new Map<string, { left: number; error: () => Error }>();

  const handler: IntegrationEventHandler<ProbeRecordedV1> = {
    contracts: [probeContract('set in beforeAll')],
    async handle(payload) {
      const remaining = transientFailures.get(payload.probeId) ?? 0;
      if (remaining > 0) {
        transientFailures.set(payload.probeId, remaining - 1);
        throw new Error('connection terminated unexpectedly');
      }
      const failure = failuresAt.get(`${payload.probeId}/${payload.sequence}`);
      if (failure && failure.left > 0) {
        failure.left--;
        throw failure.error();
      }
      const unexplained = unexplainedFailures.get(payload.probeId) ?? 0;
      if (unexplained > 0) {
        unexplainedFailures.set(payload.probeId, unexplained - 1);
        throw new TypeError("Cannot read properties of undefined (reading 'sequence')");
      }
      // Joins the consumer's transaction: the effect commits with the inbox row.
      await transactions
        .manager()
        .query('INSERT INTO public.test_effect (probe_id, sequence) VALUES ($1, $2)', [payload.probeId, payload.sequence]);
    },
  };

  function probeMessage(probeId: string, sequence: number, eventId = randomUUID()) {
    return probeEvent(probeId, { probeId, sequence }, eventId);
  }

  async function send(...messages: { key: string; value: string; headers: Record<string, string> }[]) {
    const producer = await kafka.producer();
    await producer.send({ topic, acks: -1, messages });
  }

  async function effectsOf(probeId: string): Promise<number[]> {
    const rows: { sequence: number }[] = await dataSource.query(
      'SELECT sequence FROM public.test_effect WHERE probe_id = $1 ORDER BY sequence',
      [probeId],
    );
    return rows.map((row) => row.sequence);
  }

  beforeAll(async () => {
    dataSource = await openTestDataSource('intake');
    await dataSource.query('CREATE TABLE IF NOT EXISTS public.test_effect (probe_id uuid NOT NULL, sequence integer NOT NULL)');
    transactions = new Transactions(dataSource);
    kafka = testKafka('event-consumer-test');
    topic = await createProbeTopic(kafka, 'consumer');
    Object.assign(handler, { contracts: [probeContract(topic)] });
    dlqReader = await TopicReader.open(`${topic}.dlq`);
    consumer = new EventConsumer(kafka, transactions, new Inbox('intake'), {
      groupId: `test-consumer-${randomUUID()}`,
      topics: [topic],
      handlers: [handler],
      maxAttempts: 3,
      initialBackoffMs: 50,
      maxBackoffMs: 400,
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer.stop();
    await dlqReader.close();
    await kafka.close();
    await dataSource.query('DROP TABLE public.test_effect');
    await dataSource.destroy();
  });

  it('gives the same message, delivered twice, exactly one effect', async () => {
    const probeId = randomUUID();
    const eventId = randomUUID();
    await send(probeMessage(probeId, 1, eventId), probeMessage(probeId, 1, eventId), probeMessage(probeId, 2));

    await eventually(async () => expect(await effectsOf(probeId)).toEqual([1, 2]));
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM intake.inbox WHERE event_id = $1', [eventId]);
    expect(count).toBe(1);
  });

  it.each([
    [
      'a value that is not JSON',
      (message: ReturnType<typeof probeMessage>) => ({ ...message, value: '{oops' }),
      'message value is not valid JSON',
    ],
    [
      'a payload that breaks its schema',
      (message: ReturnType<typeof probeMessage>) => ({ ...message, value: '{"probeId":"nope"}' }),
      'probeId must be a UUID',
    ],
    [
      'a message without CloudEvents headers',
      (message: ReturnType<typeof probeMessage>) => ({ ...message, headers: { 'content-type': 'application/json' } }),
      'missing header(s) ce_specversion, ce_id',
    ],
  ])('dead-letters %s with its reason and processes the next message on the partition', async (_case, spoil, reason) => {
    const probeId = randomUUID();
    await send(spoil(probeMessage(probeId, 1)), probeMessage(probeId, 2));

    await eventually(async () => expect(await effectsOf(probeId)).toEqual([2]));
    const dead = await eventually(async () => {
      const found = dlqReader.messages.find((message) => message.key === probeId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(dead.headers.dlq_reason).toContain(reason);
    expect(dead.headers).toMatchObject({ dlq_original_topic: topic, dlq_attempts: '1' });
    expect(Number(dead.headers.dlq_original_partition)).toBeGreaterThanOrEqual(0);
    expect(Number(dead.headers.dlq_original_offset)).toBeGreaterThanOrEqual(0);
  });

  it('retries a transient failure with backoff and applies the event once', async () => {
    const probeId = randomUUID();
    transientFailures.set(probeId, 2);
    await send(probeMessage(probeId, 1));

    await eventually(async () => expect(await effectsOf(probeId)).toEqual([1]));
    expect(transientFailures.get(probeId)).toBe(0);
    expect(dlqReader.messages.some((message) => message.key === probeId)).toBe(false);
  });

  it('holds the partition through a transient failure that outlasts every attempt, and dead-letters nothing', async () => {
    const probeId = randomUUID();
    // maxAttempts is 3: a database down for longer must not turn healthy events into dead letters.
    transientFailures.set(probeId, 7);
    await send(probeMessage(probeId, 1), probeMessage(probeId, 2));

    await eventually(async () => expect(await effectsOf(probeId)).toEqual([1, 2]), { timeoutMs: 60000 });
    expect(transientFailures.get(probeId)).toBe(0);
    expect(dlqReader.messages.some((message) => message.key === probeId)).toBe(false);
  });

  it('dead-letters a message whose unexplained failure outlasts the last attempt, and moves on', async () => {
    const probeId = randomUUID();
    unexplainedFailures.set(probeId, 3);
    await send(probeMessage(probeId, 1));
    await send(probeMessage(probeId, 2));

    await eventually(async () => expect(await effectsOf(probeId)).toEqual([2]));
    const dead = await eventually(async () => {
      const found = dlqReader.messages.find((message) => message.key === probeId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(dead.headers.dlq_reason).toContain(
      "gave up after 3 attempts: TypeError: Cannot read properties of undefined (reading 'sequence')",
    );
    expect(dead.headers.dlq_attempts).toBe('3');
  });

  // Messages sent together arrive in one fetch, so they are applied in one transaction.
  describe('a batch of one partition', () => {
    it('applies the messages before a transiently failing one exactly once, and the rest after it', async () => {
      const probeId = randomUUID();
      failuresAt.set(`${probeId}/2`, { left: 1, error: () => new Error('connection terminated unexpectedly') });
      await send(probeMessage(probeId, 1), probeMessage(probeId, 2), probeMessage(probeId, 3));

      await eventually(async () => expect(await effectsOf(probeId)).toEqual([1, 2, 3]));
      expect(failuresAt.get(`${probeId}/2`)!.left).toBe(0);
    });

    it("counts the failed batch as the first of an unexplained failure's attempts, dead-letters it alone and applies its neighbours", async () => {
      const probeId = randomUUID();
      failuresAt.set(`${probeId}/2`, { left: 100, error: () => new TypeError('a bug') });
      await send(probeMessage(probeId, 1), probeMessage(probeId, 2), probeMessage(probeId, 3));

      await eventually(async () => expect(await effectsOf(probeId)).toEqual([1, 3]));
      const dead = await eventually(async () => {
        const found = dlqReader.messages.find((message) => message.key === probeId);
        expect(found).toBeDefined();
        return found!;
      });
      expect(dead.headers.dlq_attempts).toBe('3');
      // maxAttempts is 3: the handler saw it three times, the batch's attempt included.
      expect(failuresAt.get(`${probeId}/2`)!.left).toBe(97);
    });
  });
});
