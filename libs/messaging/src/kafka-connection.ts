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
  type SASLOptions,
} from 'kafkajs';
import { KafkaSaslMechanisms, localKafkaPassword } from '#config';

/** SASL/SCRAM credentials of a Kafka principal; the broker's ACLs decide what it may do. */
export interface KafkaCredentials {
  mechanism: (typeof KafkaSaslMechanisms)[number];
  username: string;
  password: string;
}

/** The credentials in validated service configuration (`KAFKA_SASL_*`, see libs/config). */
export function kafkaCredentialsOf(env: {
  KAFKA_SASL_MECHANISM: KafkaCredentials['mechanism'];
  KAFKA_SASL_USERNAME: string;
  KAFKA_SASL_PASSWORD: string;
}): KafkaCredentials {
  return { mechanism: env.KAFKA_SASL_MECHANISM, username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD };
}

/**
 * Credentials of a command-line tool or a test, which has no validated service configuration:
 * `KAFKA_SASL_USERNAME` / `KAFKA_SASL_PASSWORD` (and `KAFKA_SASL_MECHANISM`) when given,
 * otherwise the local broker's admin.
 */
export function toolKafkaCredentials(env: Record<string, string | undefined> = process.env): KafkaCredentials {
  const username = env.KAFKA_SASL_USERNAME || 'admin';
  const mechanism = env.KAFKA_SASL_MECHANISM || 'scram-sha-512';
  if (!(KafkaSaslMechanisms as readonly string[]).includes(mechanism)) {
    throw new Error(`KAFKA_SASL_MECHANISM must be one of ${KafkaSaslMechanisms.join(', ')}, not ${mechanism}`);
  }
  return {
    mechanism: mechanism as KafkaCredentials['mechanism'],
    username,
    password: env.KAFKA_SASL_PASSWORD || localKafkaPassword(username),
  };
}

export interface KafkaConnectionOptions {
  clientId: string;
  brokers: string[];
  /** Who the client is on the broker; without them the broker refuses the connection. */
  credentials: KafkaCredentials;
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
      // kafkajs types each SCRAM mechanism apart; both take a username and a password.
      sasl: options.credentials as SASLOptions,
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
