import kafkajs, { type Admin } from 'kafkajs';
import { AllTopics, TopicPartitions, Topics, type Topic } from '#contracts';
import type { KafkaConnection } from '../kafka-connection.js';

// kafkajs is CommonJS, and Node finds only some of its exports by name.
const { ConfigResourceTypes, ConfigSource } = kafkajs;

/**
 * Event topics keep every event forever: they are the record council-reporting's read models
 * are rebuilt from, from offset zero. Dead-letter twins keep the broker's default retention.
 */
const EventTopicRetention = { name: 'retention.ms', value: '-1' };

function isEventTopic(topic: string): boolean {
  return (Object.values(Topics) as string[]).includes(topic);
}

export interface TopicProvisioning {
  replicationFactor?: number;
  /** Partitions of every topic created, instead of the contract's defaults: the most consumer instances a group can use. */
  partitions?: number;
}

/**
 * Creates the contract's topics and their `.dlq` twins if missing, the event topics with
 * infinite retention. Event topics that already exist are moved to infinite retention when
 * they have another; their partitions and other settings are left alone (more partitions
 * would move keys to other partitions and break the order of their events). Returns the
 * topics it created.
 */
export async function provisionTopics(
  kafka: KafkaConnection,
  { replicationFactor = 1, partitions }: TopicProvisioning = {},
): Promise<string[]> {
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
          numPartitions: partitions ?? TopicPartitions[topic.replace(/\.dlq$/, '') as Topic],
          replicationFactor,
          configEntries: isEventTopic(topic) ? [EventTopicRetention] : [],
        })),
      });
    }
    await keepEventsForever(
      admin,
      AllTopics.filter((topic) => existing.has(topic) && isEventTopic(topic)),
    );
    return missing;
  } finally {
    await admin.disconnect();
  }
}

async function keepEventsForever(admin: Admin, topics: string[]): Promise<void> {
  if (topics.length === 0) return;
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })),
  });
  const toAlter = resources
    .filter(({ configEntries }) => configEntries.find((entry) => entry.configName === EventTopicRetention.name)?.configValue !== '-1')
    .map(({ resourceName, configEntries }) => ({
      type: ConfigResourceTypes.TOPIC,
      name: resourceName,
      // AlterConfigs (kafkajs has no incremental variant) replaces every setting of the topic:
      // restate the ones set on it, so only the retention changes.
      configEntries: [
        ...configEntries
          .filter((entry) => entry.configSource === ConfigSource.TOPIC_CONFIG && entry.configName !== EventTopicRetention.name)
          .map((entry) => ({ name: entry.configName, value: entry.configValue })),
        EventTopicRetention,
      ],
    }));
  if (toAlter.length > 0) await admin.alterConfigs({ validateOnly: false, resources: toAlter });
}
