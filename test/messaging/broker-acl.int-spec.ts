import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { deadLetterTopicOf, Topics } from '#contracts';
import { createPartner, KafkaConnection, toolKafkaCredentials, type PartnerConnection } from '#messaging';
import { probeMessage, testKafka } from '../support/probe-events.js';

const brokers = process.env.KAFKA_BROKERS!.split(',');

describe('credentials and ACLs on the real broker: a partner reads the partner topics only', () => {
  let partner: PartnerConnection;
  let connection: KafkaConnection;
  const probeId = randomUUID();

  beforeAll(async () => {
    // The same code as `npm run partner:create -- --name <name>`.
    partner = await createPartner(`acl-${probeId.slice(0, 8)}`, {
      brokers,
      credentials: toolKafkaCredentials(),
      stackScript: 'docker/stack.sh',
    });
    connection = new KafkaConnection({
      clientId: 'acl-test-partner',
      brokers,
      credentials: { mechanism: 'scram-sha-512', username: partner.username, password: partner.password },
      // A refusal is final; kafkajs retries only what may pass, and an idempotent producer needs a retry.
      retry: { initialRetryTime: 100, retries: 3 },
    });
    const admin = testKafka('acl-test-admin');
    try {
      await admin.sendBatch({ topicMessages: [{ topic: Topics.partnerIncidents, messages: [probeMessage(probeId, { probeId })] }] });
    } finally {
      await admin.close();
    }
  });

  afterAll(async () => {
    await connection?.close();
  });

  /** Reads `topic` from the beginning in group `groupId` until `probeId`'s message arrives; a refusal rejects. */
  async function readProbe(topic: string, groupId: string): Promise<string | undefined> {
    const consumer = connection.consumer({ groupId });
    try {
      const crashed = new Promise<never>((_resolve, reject) => consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error)));
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      const received = new Promise<string | undefined>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => {
            if (message.key?.toString() === probeId) resolve(message.value?.toString());
          },
        });
      });
      return await Promise.race([received, crashed]);
    } finally {
      await consumer.disconnect();
    }
  }

  it('prints what the partner needs to connect', () => {
    expect(partner).toMatchObject({
      bootstrapServers: brokers.join(','),
      securityProtocol: 'SASL_PLAINTEXT',
      mechanism: 'SCRAM-SHA-512',
      username: `partner-acl-${probeId.slice(0, 8)}`,
      topics: [Topics.partnerIncidents, Topics.partnerCases],
      groupPrefix: `partner-acl-${probeId.slice(0, 8)}-`,
    });
    expect(partner.password).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('reads a partner topic with a group of its prefix', async () => {
    await expect(readProbe(Topics.partnerIncidents, `${partner.groupPrefix}reader`)).resolves.toBe(JSON.stringify({ probeId }));
  });

  it.each([
    ['an internal topic', Topics.incidents],
    ['a dead-letter topic', deadLetterTopicOf(Topics.incidents)],
  ])('is refused reading %s', async (_case, topic) => {
    await expect(readProbe(topic, `${partner.groupPrefix}${randomUUID()}`)).rejects.toThrow(/not authorized/i);
  });

  it('is refused a consumer group outside its prefix', async () => {
    // kafkajs reports the broker's GROUP_AUTHORIZATION_FAILED to FindCoordinator as a coordinator it
    // cannot find; the same broker finds the coordinator of a group inside the prefix (above).
    await expect(readProbe(Topics.partnerIncidents, `investigation-tracking-${randomUUID()}`)).rejects.toThrow(
      'Failed to find group coordinator',
    );
  });

  it.each([Topics.partnerIncidents, Topics.incidents])(
    'is refused writing %s (its producer is refused before the first send)',
    async (topic) => {
      await expect(connection.sendBatch({ topicMessages: [{ topic, messages: [probeMessage(randomUUID(), {})] }] })).rejects.toThrow(
        /authoriz/i,
      );
    },
  );
});

describe('ACLs on the real broker: a service writes only what it owns', () => {
  it.each([
    ['incident-intake', Topics.cases],
    ['investigation-tracking', Topics.reports],
    ['council-reporting', Topics.partnerIncidents],
  ])('refuses %s writing %s', async (service, topic) => {
    const kafka = new KafkaConnection({
      clientId: `acl-test-${service}`,
      brokers,
      credentials: toolKafkaCredentials({ KAFKA_SASL_USERNAME: service }),
    });
    try {
      await expect(kafka.sendBatch({ topicMessages: [{ topic, messages: [probeMessage(randomUUID(), {})] }] })).rejects.toThrow(
        /authoriz/i,
      );
    } finally {
      await kafka.close();
    }
  });
});

describe('credentials on the real broker: a client without valid ones is refused', () => {
  it.each([
    ['no credentials', undefined],
    ['a wrong password', { mechanism: 'scram-sha-512' as const, username: 'admin', password: 'not-the-password' }],
  ])('refuses a client with %s', async (_case, sasl) => {
    const admin = new Kafka({ clientId: 'acl-test-stranger', brokers, sasl, retry: { retries: 0 }, logLevel: logLevel.NOTHING }).admin();
    try {
      // The broker answers an API versions request before authentication; nothing else.
      await expect(admin.connect().then(() => admin.listTopics())).rejects.toThrow(
        sasl ? /SASL SCRAM SHA512 authentication failed/i : /closed|disconnect|connect/i,
      );
    } finally {
      await admin.disconnect();
    }
  });
});
