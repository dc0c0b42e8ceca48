import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Transactions } from '#database';
import { systemClock } from '#domain';
import { DeadLetterQueue, EventConsumer, Inbox, PoisonMessageError, type IntegrationEventHandler, type KafkaConnection } from '#messaging';
import { parseDlqArguments, runDlqCommand } from '../../migrations/dlq.js';
import { openTestDataSource } from '../support/database.js';
import { eventually } from '../support/eventually.js';
import { createProbeTopic, probeContract, probeMessage, testKafka, type ProbeRecordedV1 } from '../support/probe-events.js';
import { TopicReader } from '../support/topic-reader.js';

describe('npm run dlq: list, show and replay dead letters once (real Kafka and PostgreSQL)', () => {
  let dataSource: DataSource;
  let transactions: Transactions;
  let kafka: KafkaConnection;
  let topic: string;
  let groupId: string;
  let consumer: EventConsumer;
  let topicReader: TopicReader;
  let queue: DeadLetterQueue;
  /** Probe ids the handler refuses, as a bug would, until the test "fixes" it. */
  const refused = new Set<string>();

  const handler: IntegrationEventHandler<ProbeRecordedV1> = {
    contracts: [probeContract('set in beforeAll')],
    async handle(payload) {
      if (refused.has(payload.probeId)) throw new PoisonMessageError(`probe ${payload.probeId} refused`);
      // Joins the consumer's transaction: the effect commits with the inbox row.
      await transactions
        .manager()
        .query('INSERT INTO public.dlq_tool_effect (probe_id, sequence) VALUES ($1, $2)', [payload.probeId, payload.sequence]);
    },
  };

  async function send(probeId: string, payload: object): Promise<string> {
    const message = probeMessage(probeId, payload);
    const producer = await kafka.producer();
    await producer.send({ topic, acks: -1, messages: [message] });
    return message.headers.ce_id!;
  }

  async function effectsOf(probeId: string): Promise<number[]> {
    const rows: { sequence: number }[] = await dataSource.query(
      'SELECT sequence FROM public.dlq_tool_effect WHERE probe_id = $1 ORDER BY sequence',
      [probeId],
    );
    return rows.map((row) => row.sequence);
  }

  async function dlq(...argv: string[]): Promise<string[]> {
    const lines: string[] = [];
    await runDlqCommand(queue, parseDlqArguments([...argv, '--topic', topic]), (line) => lines.push(line));
    return lines;
  }

  /** Waits until the DLQ holds `count` entries for the event and returns them, oldest first. */
  async function deadLettersOf(eventId: string, count: number) {
    return eventually(async () => {
      const entries = (await queue.list()).filter((entry) => entry.eventId === eventId);
      expect(entries).toHaveLength(count);
      return entries;
    });
  }

  function replaysOf(position: string) {
    return topicReader.messages.filter((message) => message.headers.dlq_replayed_from === position);
  }

  async function toolGroups(): Promise<string[]> {
    const admin = kafka.admin();
    await admin.connect();
    try {
      return (await admin.listGroups()).groups.map((group) => group.groupId).filter((id) => id.startsWith('dlq-tool-'));
    } finally {
      await admin.disconnect();
    }
  }

  beforeAll(async () => {
    dataSource = await openTestDataSource('investigation');
    await dataSource.query('CREATE TABLE IF NOT EXISTS public.dlq_tool_effect (probe_id uuid NOT NULL, sequence integer NOT NULL)');
    transactions = new Transactions(dataSource);
    kafka = testKafka('dlq-tool-test');
    topic = await createProbeTopic(kafka, 'dlq-tool');
    Object.assign(handler, { contracts: [probeContract(topic)] });
    queue = new DeadLetterQueue(kafka, topic, systemClock);
    topicReader = await TopicReader.open(topic);
    groupId = `test-dlq-tool-${randomUUID()}`;
    consumer = new EventConsumer(kafka, transactions, new Inbox('investigation'), {
      groupId,
      topics: [topic],
      handlers: [handler],
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer.stop();
    await topicReader.close();
    await kafka.close();
    await dataSource.query('DROP TABLE public.dlq_tool_effect');
    await dataSource.destroy();
  });

  it('lists and shows a dead letter with its reason and coordinates, without payload values', async () => {
    const probeId = randomUUID();
    refused.add(probeId);
    const eventId = await send(probeId, { probeId, sequence: 86753 });
    const [entry] = await deadLettersOf(eventId, 1);

    const listed = (await dlq('list')).filter((line) => line.includes(eventId));
    expect(listed).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${topic}\\.dlq ${entry!.position} \\| test\\.probe\\.recorded\\.v1 ${eventId} incident/${probeId} \\| ` +
            `reason: PoisonMessageError: probe ${probeId} refused \\| from ${topic}\\[\\d+\\]@\\d+ \\| ` +
            `group ${groupId} after 1 attempt\\(s\\) \\| failed \\d{4}-\\d\\d-\\d\\dT.+Z \\| not replayed$`,
        ),
      ),
    ]);

    const shown = await dlq('show', '--id', eventId);
    expect(shown).toEqual(
      expect.arrayContaining([
        `  header ce_id: ${eventId}`,
        `  header dlq_consumer_group: ${groupId}`,
        `  header dlq_original_topic: ${topic}`,
        expect.stringMatching(/^ {2}payload: \d+ bytes, keys probeId, sequence$/),
      ]),
    );
    // As a number of its own: its digits may well occur inside a timestamp or an offset.
    expect(shown.join('\n')).not.toMatch(/\b86753\b/);
    // The same entry by its DLQ position.
    expect((await dlq('show', '--id', entry!.position))[0]).toBe(shown[0]);
  });

  it('replays a dead letter once: its topic receives it once, the consumer applies it, a second replay sends nothing', async () => {
    const probeId = randomUUID();
    refused.add(probeId);
    const eventId = await send(probeId, { probeId, sequence: 1 });
    const [entry] = await deadLettersOf(eventId, 1);
    refused.delete(probeId);

    expect(await dlq('replay', '--id', eventId)).toEqual([
      expect.stringMatching(new RegExp(`^${topic}\\.dlq ${entry!.position}: replayed to ${topic}\\[\\d+\\]@\\d+$`)),
    ]);
    await eventually(async () => expect(await effectsOf(probeId)).toEqual([1]));
    const [replayed] = await eventually(async () => {
      const found = replaysOf(entry!.position);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(replayed!.key).toBe(probeId);
    expect(replayed!.headers.ce_id).toBe(eventId);
    expect(Object.keys(replayed!.headers).filter((name) => name.startsWith('dlq_'))).toEqual(['dlq_replayed_from']);

    expect(await dlq('replay', '--id', entry!.position)).toEqual([
      expect.stringMatching(new RegExp(`^${topic}\\.dlq ${entry!.position}: already replayed .+, not sent again$`)),
    ]);
    expect(await dlq('replay', '--all')).not.toContainEqual(expect.stringContaining(`${entry!.position}: replayed`));
    expect((await dlq('list')).find((line) => line.includes(eventId))).toMatch(/\| replayed \S+ to /);
    expect(replaysOf(entry!.position)).toHaveLength(1);
    expect(await effectsOf(probeId)).toEqual([1]);
    expect(await toolGroups()).toEqual([]);
  });

  it('puts a replayed poison event back in the DLQ as a new entry, which neither --all nor its event id replays again', async () => {
    const probeId = randomUUID();
    // Breaks the payload schema: dead-lettered however often it is replayed.
    const eventId = await send(probeId, { probeId, sequence: 'one' });
    const [first] = await deadLettersOf(eventId, 1);

    expect(await dlq('replay', '--all')).toContainEqual(expect.stringContaining(`${first!.position}: replayed to`));
    const [, again] = await deadLettersOf(eventId, 2);
    expect(again!.replayOf).toBe(first!.position);
    expect(again!.reason).toContain('sequence must be an integer');
    expect((await dlq('list')).find((line) => line.startsWith(`${topic}.dlq ${again!.position} `))).toContain(
      `a replay of ${first!.position} that failed again | not replayed`,
    );

    const replays = await dlq('replay', '--all');
    expect(replays.filter((line) => line.includes(': replayed to'))).toEqual([]);
    await expect(dlq('replay', '--id', eventId)).resolves.toEqual([
      `${topic}.dlq ${first!.position}: already replayed ${(await queue.find(first!.position))[0]!.replayed!.replayedAt}, not sent again`,
    ]);
    expect(replaysOf(first!.position)).toHaveLength(1);
    expect(replaysOf(again!.position)).toHaveLength(0);
    expect(await effectsOf(probeId)).toEqual([]);
  });

  it('refuses a replay that names neither an entry nor --all, an id that is not in the DLQ and a topic without a DLQ', async () => {
    await expect(dlq('replay')).rejects.toThrow('replay needs either --id');
    await expect(dlq('show', '--id', randomUUID())).rejects.toThrow(/^no dead letter '.+' in test\.dlq-tool\..+\.dlq$/);
    expect(() => parseDlqArguments(['list', '--topik', topic])).toThrow("unexpected argument '--topik'");
    await expect(new DeadLetterQueue(kafka, `test.no-such-topic.${randomUUID()}`, systemClock).list()).rejects.toThrow(
      /^no topic test\.no-such-topic\..+\.dlq on the broker$/,
    );
  });
});
