import type { KafkaMessage } from 'kafkajs';
import { deadLetterTopicOf } from '#contracts';
import type { KafkaConnection } from '../kafka-connection.js';

export interface DeadLetterContext {
  topic: string;
  partition: number;
  message: KafkaMessage;
  consumerGroup: string;
  reason: string;
  attempts: number;
}

/**
 * Sends a message that cannot be processed to its topic's `.dlq` twin, unchanged, with the
 * reason and its original coordinates in `dlq_*` headers so it can be inspected and replayed.
 */
export async function sendToDeadLetter(kafka: KafkaConnection, context: DeadLetterContext): Promise<void> {
  const { topic, partition, message } = context;
  const producer = await kafka.producer();
  await producer.send({
    topic: deadLetterTopicOf(topic),
    acks: -1,
    messages: [
      {
        key: message.key,
        value: message.value,
        headers: {
          ...message.headers,
          dlq_reason: context.reason.slice(0, 2000),
          dlq_original_topic: topic,
          dlq_original_partition: String(partition),
          dlq_original_offset: message.offset,
          dlq_original_timestamp: message.timestamp,
          dlq_consumer_group: context.consumerGroup,
          dlq_attempts: String(context.attempts),
          // Real time, not the service's clock: it sits beside the broker's own timestamp above.
          dlq_failed_at: new Date().toISOString(),
        },
      },
    ],
  });
}
