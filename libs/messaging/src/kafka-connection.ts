import { Kafka, logLevel, Partitioners, type Consumer, type ConsumerConfig, type LogEntry, type Producer } from 'kafkajs';

export interface KafkaConnectionOptions {
  clientId: string;
  brokers: string[];
  log?: (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra: Record<string, unknown>) => void;
}

/**
 * One Kafka client per service: a shared idempotent producer (acks=all, one request in
 * flight, so retries cannot reorder or duplicate a partition's messages) and consumers.
 */
export class KafkaConnection {
  private readonly kafka: Kafka;
  private producerPromise?: Promise<Producer>;
  private readonly consumers: Consumer[] = [];

  constructor(private readonly options: KafkaConnectionOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3000,
      retry: { initialRetryTime: 300, retries: 8 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.forward(entry),
    });
  }

  producer(): Promise<Producer> {
    this.producerPromise ??= (async () => {
      // The default partitioner hashes keys as the Java client does, so partners' producers agree.
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      return producer;
    })();
    return this.producerPromise;
  }

  consumer(config: ConsumerConfig): Consumer {
    const consumer = this.kafka.consumer({ allowAutoTopicCreation: false, ...config });
    this.consumers.push(consumer);
    return consumer;
  }

  admin() {
    return this.kafka.admin();
  }

  /** Node ids of the brokers that answer; used by readiness checks. */
  async describeBrokers(): Promise<number[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const cluster = await admin.describeCluster();
      return cluster.brokers.map((broker) => broker.nodeId);
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.disconnect()));
    if (this.producerPromise) await (await this.producerPromise).disconnect();
  }

  private forward({ level, log }: LogEntry): void {
    const { message, ...extra } = log;
    const name = level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : level === logLevel.INFO ? 'info' : 'debug';
    this.options.log?.(name, message, extra);
  }
}
