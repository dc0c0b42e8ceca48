import {
  Kafka,
  logLevel,
  Partitioners,
  type Consumer,
  type ConsumerConfig,
  type LogEntry,
  type Producer,
  type ProducerBatch,
  type RecordMetadata,
  type RetryOptions,
} from 'kafkajs';

export interface KafkaConnectionOptions {
  clientId: string;
  brokers: string[];
  log?: (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra: Record<string, unknown>) => void;
  /** How long one connect or send keeps retrying before it fails; the next call tries again. */
  retry?: RetryOptions;
}

/** What readiness reports of the shared producer. */
export interface ProducerStatus {
  connected: boolean;
  /** Why the last connect or send failed, while it has not succeeded since. */
  error?: string;
  since: Date;
}

/**
 * One Kafka client per service: a shared idempotent producer (acks=all, one request in
 * flight, so retries cannot reorder or duplicate a partition's messages) and consumers.
 * A failed connect is not cached: the next `producer()` connects again, so a broker that is
 * down at start-up is waited out without a restart.
 */
export class KafkaConnection {
  private readonly kafka: Kafka;
  private producerPromise?: Promise<Producer>;
  private status: ProducerStatus = { connected: false, since: new Date() };
  private readonly consumers: Consumer[] = [];

  constructor(private readonly options: KafkaConnectionOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3000,
      retry: options.retry ?? { initialRetryTime: 300, retries: 8 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => this.forward(entry),
    });
  }

  producer(): Promise<Producer> {
    if (this.producerPromise) return this.producerPromise;
    const connecting = (async () => {
      // The default partitioner hashes keys as the Java client does, so partners' producers agree.
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      producer.on(producer.events.DISCONNECT, () => {
        if (this.producerPromise === connecting) this.producerPromise = undefined;
        this.setStatus(false, 'disconnected');
      });
      try {
        await producer.connect();
      } catch (error) {
        await producer.disconnect().catch(() => undefined);
        throw error;
      }
      this.setStatus(true);
      return producer;
    })();
    this.producerPromise = connecting;
    connecting.catch((error: unknown) => {
      if (this.producerPromise === connecting) this.producerPromise = undefined;
      this.setStatus(false, messageOf(error));
    });
    return connecting;
  }

  /** Sends with the shared producer and records the outcome for readiness. */
  async sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    const producer = await this.producer();
    try {
      const sent = await producer.sendBatch(batch);
      this.setStatus(true);
      return sent;
    } catch (error) {
      // A broker outage makes every send fail; a bad message (unknown topic, too large) does not.
      if (isConnectionError(error)) this.setStatus(false, messageOf(error));
      throw error;
    }
  }

  /** The real producer's state: connected, or why its last connect or send failed. */
  producerStatus(): ProducerStatus {
    return { ...this.status };
  }

  consumer(config: ConsumerConfig): Consumer {
    const consumer = this.kafka.consumer({ allowAutoTopicCreation: false, ...config });
    this.consumers.push(consumer);
    return consumer;
  }

  admin() {
    return this.kafka.admin();
  }

  async close(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.disconnect()));
    const producer = await this.producerPromise?.catch(() => undefined);
    await producer?.disconnect();
  }

  private setStatus(connected: boolean, error?: string): void {
    if (this.status.connected !== connected || this.status.error !== error) this.status = { connected, error, since: new Date() };
  }

  private forward({ level, log }: LogEntry): void {
    const { message, ...extra } = log;
    const name = level === logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : level === logLevel.INFO ? 'info' : 'debug';
    this.options.log?.(name, message, extra);
  }
}

/** kafkajs errors that say the broker could not be reached, rather than that a message was refused. */
export function isConnectionError(error: unknown): boolean {
  for (let current = error as { name?: string; originalError?: unknown; cause?: unknown } | undefined; current;) {
    if (
      current.name === 'KafkaJSConnectionError' ||
      current.name === 'KafkaJSConnectionClosedError' ||
      current.name === 'KafkaJSRequestTimeoutError' ||
      current.name === 'KafkaJSBrokerNotFound'
    )
      return true;
    current = (current.originalError ?? current.cause) as typeof current;
  }
  return false;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
