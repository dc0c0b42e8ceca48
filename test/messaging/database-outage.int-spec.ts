import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { DataSource } from 'typeorm';
import { postgresOptions, Transactions } from '#database';
import { EventConsumer, headersOf, Inbox, type IntegrationEventHandler, type KafkaConnection } from '#messaging';
import { testNow } from '../support/clock.js';
import { openTestDataSource } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { createProbeTopic, probeContract, testKafka, type ProbeRecordedV1 } from '../support/probe-events.js';
import { TopicReader } from '../support/topic-reader.js';

/**
 * A TCP relay between the consumer and PostgreSQL that the test can cut and restore: to the
 * consumer, the database goes away (connections reset, new ones refused) as in an outage.
 */
class CuttableLink {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  async open(): Promise<void> {
    const server = createServer((client) => {
      const upstream = connect(5432, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as { port: number }).port;
    this.server = server;
  }

  async cut(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

describe('event consumer through a database outage (real PostgreSQL and Kafka, the link cut)', () => {
  const link = new CuttableLink();
  let dataSource: DataSource;
  let observer: DataSource;
  let kafka: KafkaConnection;
  let topic: string;
  let dlqReader: TopicReader;
  let consumer: EventConsumer;
  let heldAttempts = 0;
  let transactions: Transactions;

  const handler: IntegrationEventHandler<ProbeRecordedV1> = {
    contracts: [probeContract('set in beforeAll')],
    async handle(payload) {
      // Joins the consumer's transaction, over the link.
      await transactions
        .manager()
        .query('INSERT INTO public.test_outage_effect (probe_id, sequence) VALUES ($1, $2)', [payload.probeId, payload.sequence]);
    },
  };
  function send(probeId: string, sequences: number[]) {
    return kafka.producer().then((producer) =>
      producer.send({
        topic,
        acks: -1,
        messages: sequences.map((sequence) => ({
          key: probeId,
          value: JSON.stringify({ probeId, sequence }),
          headers: headersOf({
            specversion: '1.0',
            id: randomUUID(),
            source: '/accountability/test',
            type: 'test.probe.recorded.v1',
            time: testNow().toISOString(),
            subject: `incident/${probeId}`,
            dataschema: '',
          }),
        })),
      }),
    );
  }

  async function effectsOf(probeId: string): Promise<number[]> {
    const rows: { sequence: number }[] = await observer.query(
      'SELECT sequence FROM public.test_outage_effect WHERE probe_id = $1 ORDER BY sequence',
      [probeId],
    );
    return rows.map((row) => row.sequence);
  }

  beforeAll(async () => {
    observer = await openTestDataSource('intake');
    await observer.query('CREATE TABLE IF NOT EXISTS public.test_outage_effect (probe_id uuid NOT NULL, sequence integer NOT NULL)');
    await link.open();
    const url = new URL(process.env.DATABASE_URL!);
    url.port = String(link.port);
    dataSource = await new DataSource(postgresOptions(url.toString(), { schema: 'intake', entities: [] })).initialize();
    transactions = new Transactions(dataSource);
    kafka = testKafka('database-outage-test');
    topic = await createProbeTopic(kafka, 'outage', 1);
    Object.assign(handler, { contracts: [probeContract(topic)] });
    dlqReader = await TopicReader.open(`${topic}.dlq`);
    consumer = new EventConsumer(kafka, transactions, new Inbox('intake'), {
      groupId: `test-outage-${randomUUID()}`,
      topics: [topic],
      handlers: [handler],
      maxAttempts: 3,
      initialBackoffMs: 50,
      maxBackoffMs: 500,
      log: (level, message) => {
        if (level === 'warn' && message.startsWith('transient failure')) heldAttempts += 1;
      },
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await dlqReader?.close();
    await kafka?.close();
    await link.cut();
    await dataSource?.destroy().catch(() => undefined);
    await observer?.query('DROP TABLE IF EXISTS public.test_outage_effect');
    await observer?.destroy();
  });

  it('applies every event that arrives while the database is away, in order, and dead-letters none', async () => {
    const probeId = randomUUID();
    await send(probeId, [1, 2, 3]);
    await eventually(async () => expect(await effectsOf(probeId)).toEqual([1, 2, 3]));

    await link.cut();
    await send(probeId, [4, 5, 6, 7, 8]);
    // The outage outlasts every attempt an unexplained failure would get (3) several times over.
    await eventually(async () => expect(heldAttempts).toBeGreaterThanOrEqual(9), { timeoutMs: 60000 });
    expect(await effectsOf(probeId)).toEqual([1, 2, 3]);

    await link.open();
    await eventually(async () => expect(await effectsOf(probeId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]), { timeoutMs: 60000 });
    expect(dlqReader.messages.filter((message) => message.key === probeId)).toEqual([]);
  });
});
