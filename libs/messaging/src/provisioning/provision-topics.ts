import { AllTopics, TopicPartitions, type Topic } from '#contracts';
import type { KafkaConnection } from '../kafka-connection.js';

/** Creates the contract's topics and their `.dlq` twins if missing; existing ones are left alone. */
export async function provisionTopics(kafka: KafkaConnection, replicationFactor = 1): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = AllTopics.filter((topic) => !existing.has(topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: TopicPartitions[topic.replace(/\.dlq$/, '') as Topic],
          replicationFactor,
        })),
      });
    }
    return missing;
  } finally {
    await admin.disconnect();
  }
}
