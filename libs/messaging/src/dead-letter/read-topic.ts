import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import type { KafkaConnection } from '../kafka-connection.js';

export interface TopicRecord {
  partition: number;
  message: KafkaMessage;
}

/**
 * Every message of `topic` up to the high watermarks taken when it starts, ordered by
 * partition and offset; messages written meanwhile are left for the next read. It reads with
 * a throwaway consumer group that commits nothing and is deleted afterwards, so operator
 * tools leave no group behind.
 */
export async function readTopicToEnd(kafka: KafkaConnection, topic: string, groupPrefix: string): Promise<TopicRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `${groupPrefix}-${randomUUID()}`;
  try {
    const ends = new Map(
      (await admin.fetchTopicOffsets(topic))
        .filter(({ high, low }) => BigInt(high) > BigInt(low))
        .map(({ partition, high }) => [partition, BigInt(high)]),
    );
    if (ends.size === 0) return [];
    const records: TopicRecord[] = [];
    const consumer = kafka.consumer({ groupId });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              const end = ends.get(partition);
              if (end === undefined) return;
              const offset = BigInt(message.offset);
              if (offset < end) records.push({ partition, message });
              if (offset + 1n >= end) {
                ends.delete(partition);
                if (ends.size === 0) resolve();
              }
            },
          })
          .catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    return records.sort((a, b) => a.partition - b.partition || Number(BigInt(a.message.offset) - BigInt(b.message.offset)));
  } finally {
    // The group exists once the consumer has joined; deleting one that never did fails harmlessly.
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}
