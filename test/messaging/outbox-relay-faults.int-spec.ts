import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import net from 'node:net';
import { ServiceUnavailableException } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { TerminusModule, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { DataSource } from 'typeorm';
import type { PendingEvent } from '#domain';
import { HealthController } from '../../libs/health/src/health.controller.js';
import {
  KafkaConnection,
  Outbox,
  OutboxRelay,
  ParkedOutbox,
  toolKafkaCredentials,
  type OutboxRelayOptions,
  type ParkedRow,
} from '#messaging';
import { openMessagingSchema, openTestDataSource } from '../support/database.js';
import { testNow } from '../support/clock.js';
import { eventually } from '../support/eventually.js';
import { createProbeTopic, probeContract, testKafka } from '../support/probe-events.js';
import { TopicReader } from '../support/topic-reader.js';

/**
 * Faults the relay must wait out. Each test runs on a schema of its own, so the services'
 * relays (which share the test database) cannot publish its rows and hide a failure.
 */
describe('outbox relay under faults (real PostgreSQL and Kafka)', () => {
  const schema = `outbox_faults_${randomBytes(4).toString('hex')}`;
  /** Longer than any test may take: a row published in a test was not published by the poll. */
  const POLL_NEVER_MS = 10 * 60 * 1000;
  let dataSource: DataSource;
  let kafka: KafkaConnection;
  let topic: string;
  let reader: TopicReader;
  const outbox = new Outbox(schema, '/accountability/test');
  const stoppers: (() => Promise<unknown>)[] = [];

  function relay(connection: KafkaConnection, options: Partial<OutboxRelayOptions> = {}): OutboxRelay {
    const created = new OutboxRelay(dataSource, connection, {
      schema,
      databaseUrl: process.env.DATABASE_URL!,
      pollIntervalMs: POLL_NEVER_MS,
      retryDelayMs: 100,
      maxRetryDelayMs: 500,
      ...options,
    });
    stoppers.push(() => created.stop());
    return created;
  }

  function probe(aggregateId: string, sequence: number, onTopic = topic, extra: object = {}): PendingEvent {
    return { contract: probeContract(onTopic), aggregateId, payload: { probeId: aggregateId, sequence, ...extra } };
  }

  const append = (...events: PendingEvent[]) => dataSource.transaction((manager) => outbox.append(manager, events, testNow()));

  const sequencesOf = (aggregateId: string) =>
    reader.messages.filter((message) => message.key === aggregateId).map((message) => JSON.parse(message.value!).sequence);

  async function outboxRow(id: string) {
    const [row] = await dataSource.query(
      `SELECT published_at, parked_at, parked_reason, publish_attempts FROM "${schema}".outbox WHERE id = $1`,
      [id],
    );
    return row as { published_at: Date | null; parked_at: Date | null; parked_reason: string | null; publish_attempts: number };
  }

  beforeAll(async () => {
    dataSource = await openMessagingSchema(schema);
    kafka = testKafka('outbox-faults-test');
    topic = await createProbeTopic(kafka, 'outbox-faults');
    reader = await TopicReader.open(topic);
  });

  afterEach(async () => {
    // Each test's relays stop with it, so the next test's rows meet only its own relay.
    for (const stop of stoppers.splice(0).reverse()) await stop();
  });

  afterAll(async () => {
    await reader.close();
    await kafka.close();
    await dataSource.query(`DROP SCHEMA "${schema}" CASCADE`);
    await dataSource.destroy();
  });

  it('recovers from a broker unreachable at its first connect, and readiness follows the real producer', async () => {
    // A port nothing listens on, until the test opens a proxy to the real broker on it.
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const connection = new KafkaConnection({
      clientId: 'outbox-faults-outage',
      brokers: [`127.0.0.1:${port}`],
      credentials: toolKafkaCredentials(),
      retry: { initialRetryTime: 100, retries: 1 },
    });
    stoppers.push(() => connection.close());
    const sut = relay(connection);
    const health = await healthOf(connection, sut);
    const aggregateId = randomUUID();
    await append(probe(aggregateId, 1));

    await sut.start();
    await eventually(async () =>
      expect(sut.status()).toMatchObject({ publishing: false, lastError: expect.stringMatching(/ECONNREFUSED/) }),
    );
    expect(connection.producerStatus()).toMatchObject({ connected: false, error: expect.stringMatching(/ECONNREFUSED/) });
    await expect(health.ready()).rejects.toThrow(ServiceUnavailableException);

    const [host, brokerPort] = process.env.KAFKA_BROKERS!.split(',')[0].split(':');
    const sockets = new Set<net.Socket>();
    const proxy = net.createServer((client) => {
      const upstream = net.connect(Number(brokerPort), host);
      sockets.add(client).add(upstream);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
    // close() waits for open connections; the client's are cut with the proxy.
    stoppers.push(async () => {
      sockets.forEach((socket) => socket.destroy());
      await new Promise((resolve) => proxy.close(resolve));
    });

    // Same connection, same relay, no restart: the relay's own retry publishes the row.
    await eventually(async () => expect(sequencesOf(aggregateId)).toEqual([1]));
    expect(connection.producerStatus().connected).toBe(true);
    await expect(health.ready()).resolves.toMatchObject({
      status: 'ok',
      details: { kafka: { status: 'up', producer: 'connected' }, outboxRelay: { status: 'up', publishing: true } },
    });
  });

  it('re-arms LISTEN after its connection is cut, so a later commit is published without waiting for the poll', async () => {
    const instance = randomUUID().slice(0, 8);
    const sut = relay(kafka, { instance });
    await sut.start();
    const before = randomUUID();
    await append(probe(before, 1));
    await eventually(async () => expect(sequencesOf(before)).toEqual([1]));

    const [{ terminated }] = await dataSource.query(
      `SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity
       WHERE application_name = $1 AND query LIKE 'LISTEN%'`,
      [`${schema}-outbox-relay-${instance}`],
    );
    expect(terminated).toBe(1);
    await eventually(async () => expect(sut.status().listening).toBe(false), { intervalMs: 10 });
    const after = randomUUID();
    await append(probe(after, 1));

    // The poll interval outlasts the test's timeout: only a notification (or the re-listen's drain) can publish it.
    await eventually(async () => expect(sequencesOf(after)).toEqual([1]));
    await eventually(async () => expect(sut.status().listening).toBe(true));
    const third = randomUUID();
    await append(probe(third, 1));
    await eventually(async () => expect(sequencesOf(third)).toEqual([1]));
  });

  it('parks a row whose topic does not exist after bounded attempts; its aggregate waits, the others go on', async () => {
    const parked: ParkedRow[] = [];
    const sut = relay(quickKafka('outbox-faults-unknown-topic'), { maxAttempts: 3, onParked: (row) => parked.push(row) });
    const missingTopic = `test.missing.${randomUUID()}`;
    const [poisoned, other] = [randomUUID(), randomUUID()];
    const [poisonId] = await append(probe(poisoned, 1, missingTopic));
    const [heldId] = await append(probe(poisoned, 2));
    await append(probe(other, 1));
    await sut.start();

    await eventually(async () => expect(parked.map((row) => row.id)).toEqual([poisonId]));
    expect(parked[0]).toMatchObject({ schema, aggregateid: poisoned, topic: missingTopic, attempts: 3 });
    expect(parked[0].reason).toMatch(/UNKNOWN_TOPIC_OR_PARTITION|does not host this topic/);
    await eventually(async () => expect(sequencesOf(other)).toEqual([1]));
    expect(await outboxRow(poisonId)).toMatchObject({ published_at: null, parked_at: expect.any(Date), publish_attempts: 3 });
    expect((await outboxRow(poisonId)).parked_reason).toMatch(/topic/);
    // A later commit of another aggregate is still published; the poisoned aggregate's later event is not.
    const later = randomUUID();
    await append(probe(later, 1));
    await eventually(async () => expect(sequencesOf(later)).toEqual([1]));
    expect(await outboxRow(heldId)).toMatchObject({ published_at: null, parked_at: null });
    expect(sut.status().publishing).toBe(true);

    const parkedRows = new ParkedOutbox(dataSource, schema);
    expect(await parkedRows.list()).toEqual([expect.objectContaining({ id: poisonId, attempts: 3, held: 1 })]);

    // The operator creates the topic and retries: both events go out, in order.
    await createTopic(missingTopic);
    const missingReader = await TopicReader.open(missingTopic);
    stoppers.push(() => missingReader.close());
    expect(await parkedRows.retry([poisonId])).toEqual([poisonId]);
    await eventually(async () => expect(missingReader.messages.map((message) => message.key)).toEqual([poisoned]));
    await eventually(async () => expect(sequencesOf(poisoned)).toEqual([2]));
    expect(await parkedRows.list()).toEqual([]);
  });

  it('parks a message over the broker’s size limit; discarding it releases its aggregate', async () => {
    const parked: ParkedRow[] = [];
    const sut = relay(quickKafka('outbox-faults-too-large'), { maxAttempts: 2, onParked: (row) => parked.push(row) });
    const oversized = randomUUID();
    // Over the broker's default message.max.bytes (about 1 MiB).
    const [bigId] = await append(probe(oversized, 1, topic, { padding: 'x'.repeat(1_200_000) }));
    await append(probe(oversized, 2));
    await sut.start();

    await eventually(async () => expect(parked.map((row) => row.id)).toEqual([bigId]));
    expect(parked[0].reason).toMatch(/MESSAGE_TOO_LARGE|larger than/i);
    expect(sequencesOf(oversized)).toEqual([]);

    expect(await new ParkedOutbox(dataSource, schema).discard([bigId])).toEqual([bigId]);
    await eventually(async () => expect(sequencesOf(oversized)).toEqual([2]));
    expect(await outboxRow(bigId)).toMatchObject({ published_at: null, parked_at: expect.any(Date) });
  });

  /** A client that gives up on a send within a second, so bounded attempts are quick to exhaust. */
  function quickKafka(clientId: string): KafkaConnection {
    const connection = new KafkaConnection({
      clientId,
      brokers: process.env.KAFKA_BROKERS!.split(','),
      credentials: toolKafkaCredentials(),
      retry: { initialRetryTime: 100, retries: 3 },
    });
    stoppers.push(() => connection.close());
    return connection;
  }

  async function createTopic(name: string): Promise<void> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic: name, numPartitions: 1, replicationFactor: 1 }] });
    } finally {
      await admin.disconnect();
    }
  }

  /** The service's health controller on this connection and relay; only the database probe is stubbed. */
  async function healthOf(connection: KafkaConnection, outboxRelay: OutboxRelay): Promise<HealthController> {
    const moduleRef = await Test.createTestingModule({
      imports: [TerminusModule],
      controllers: [HealthController],
      providers: [
        { provide: KafkaConnection, useValue: connection },
        { provide: OutboxRelay, useValue: outboxRelay },
        {
          provide: TypeOrmHealthIndicator,
          useValue: { pingCheck: (key: string) => ({ withTimeout: async () => ({ [key]: { status: 'up' } }) }) },
        },
      ],
    }).compile();
    stoppers.push(() => moduleRef.close());
    return moduleRef.get(HealthController);
  }
});

describe('npm run outbox (the CLI on the services’ schemas)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await openTestDataSource('intake');
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  const outboxCommand = (...args: string[]) => execFileSync(process.execPath, ['dist/migrations/outbox.js', ...args], { encoding: 'utf8' });

  it('lists a parked row of a service schema with its reason, and discards it', async () => {
    const id = randomUUID();
    const aggregateId = randomUUID();
    // Inserted parked: the services' relays, which share this database, leave it alone.
    await dataSource.query(
      `INSERT INTO intake.outbox (id, aggregatetype, aggregateid, type, payload, topic, headers, publish_attempts, parked_at, parked_reason)
       VALUES ($1, 'incident', $2, 'test.probe.recorded.v1', '{}', 'test.missing', '{}', 5, now(), 'UNKNOWN_TOPIC_OR_PARTITION: test')`,
      [id, aggregateId],
    );

    expect(outboxCommand('list')).toMatch(
      new RegExp(`intake ${id} .*incident/${aggregateId}.*after 5 attempts: UNKNOWN_TOPIC_OR_PARTITION`),
    );
    expect(outboxCommand('discard', id)).toContain(`intake ${id}: discarded`);
    expect(outboxCommand('list')).not.toContain(id);
    const [row] = await dataSource.query('SELECT published_at, discarded_at FROM intake.outbox WHERE id = $1', [id]);
    expect(row).toMatchObject({ published_at: null, discarded_at: expect.any(Date) });
    await dataSource.query('DELETE FROM intake.outbox WHERE id = $1', [id]);
  });
});
