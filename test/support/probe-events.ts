import { randomUUID } from 'node:crypto';
import { IsInt, IsUUID } from 'class-validator';
import { deadLetterTopicOf, type EventContract, type Topic } from '#contracts';
import { headersOf, KafkaConnection, toolKafkaCredentials } from '#messaging';
import { testNow } from './clock.js';

/** A payload for testing the messaging machinery on topics of its own, away from the contract's. */
export class ProbeRecordedV1 {
  @IsUUID()
  probeId!: string;

  @IsInt()
  sequence!: number;
}

export function probeContract(topic: string): EventContract<ProbeRecordedV1> {
  return {
    type: 'test.probe.recorded.v1',
    // A test topic stands in for a contract topic; the machinery treats them alike.
    topic: topic as Topic,
    aggregateType: 'incident',
    payload: ProbeRecordedV1,
    description: 'test probe',
  };
}

/** Creates `test.<name>.<random>` and its `.dlq` twin, each with `partitions` partitions. */
export async function createProbeTopic(kafka: KafkaConnection, name: string, partitions = 3): Promise<string> {
  const topic = `test.${name}.${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      waitForLeaders: true,
      topics: [topic, deadLetterTopicOf(topic)].map((created) => ({ topic: created, numPartitions: partitions, replicationFactor: 1 })),
    });
  } finally {
    await admin.disconnect();
  }
  return topic;
}

export function testKafka(clientId: string): KafkaConnection {
  return new KafkaConnection({ clientId, brokers: process.env.KAFKA_BROKERS!.split(','), credentials: toolKafkaCredentials() });
}

/** A probe event as a producer sends it: CloudEvents headers, `payload` as the JSON value, keyed by the probe id. */
export function probeMessage(probeId: string, payload: object, eventId: string = randomUUID()) {
  return {
    key: probeId,
    value: JSON.stringify(payload),
    headers: headersOf({
      specversion: '1.0',
      id: eventId,
      source: '/accountability/test',
      type: 'test.probe.recorded.v1',
      time: testNow().toISOString(),
      subject: `incident/${probeId}`,
      dataschema: '',
    }),
  };
}
