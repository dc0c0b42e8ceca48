import { randomUUID } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { KafkaConnection, toolKafkaCredentials } from '#messaging';

export interface ReadMessage {
  topic: string;
  partition: number;
  key: string | undefined;
  value: string | undefined;
  headers: Record<string, string>;
}

/** Reads topics from the beginning with a group of its own, as an integration partner would. */
export class TopicReader {
  readonly messages: ReadMessage[] = [];
  private readonly kafka = new KafkaConnection({
    clientId: 'test-reader',
    brokers: process.env.KAFKA_BROKERS!.split(','),
    credentials: toolKafkaCredentials(),
  });
  private readonly consumer = this.kafka.consumer({ groupId: `test-reader-${randomUUID()}` });

  static async open(...topics: string[]): Promise<TopicReader> {
    const reader = new TopicReader();
    await reader.consumer.connect();
    await reader.consumer.subscribe({ topics, fromBeginning: true });
    await reader.consumer.run({
      eachMessage: async ({ topic, partition, message }) => void reader.messages.push(read(topic, partition, message)),
    });
    return reader;
  }

  async close(): Promise<void> {
    await this.kafka.close();
  }
}

function read(topic: string, partition: number, message: KafkaMessage): ReadMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (value !== undefined) headers[name] = (Array.isArray(value) ? value[0] : value).toString();
  }
  return { topic, partition, key: message.key?.toString(), value: message.value?.toString(), headers };
}
