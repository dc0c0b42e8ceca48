import {
  Global,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type Type,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { AllTopics } from '#contracts';
import { Transactions } from '#database';
import { CLOCK, type Clock } from '#domain';
import { EventConsumer } from './consumer/event-consumer.js';
import type { IntegrationEventHandler } from './consumer/integration-event-handler.js';
import { Inbox } from './inbox/inbox.js';
import { KafkaConnection, kafkaCredentialsOf } from './kafka-connection.js';
import { MessagingMetrics } from './messaging-metrics.js';
import { OutboxRelay } from './outbox/outbox-relay.js';
import { Outbox } from './outbox/outbox.js';
import { MessagingRetention } from './retention/messaging-retention.js';
import { RetentionSchedule } from './retention/retention-schedule.js';

export interface MessagingOptions {
  /** Service name: Kafka client id, CloudEvents `source` and default consumer group. */
  service: string;
  /** The service's PostgreSQL schema, which holds its outbox and inbox. */
  schema: string;
  consumes?: { topics: string[]; handlers: Type<IntegrationEventHandler>[] };
}

class MessagingLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    private readonly kafka: KafkaConnection,
    private readonly relay: OutboxRelay,
    private readonly relayEnabled: boolean,
    private readonly consumer?: EventConsumer,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.relayEnabled) await this.relay.start();
    await this.consumer?.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.stop();
    await this.relay.stop();
    await this.kafka.close();
  }
}

/** Kafka, outbox, relay, inbox and (optionally) the consumer of one service. */
@Global()
@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    const logger = new Logger('Messaging');
    const log = (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra?: Record<string, unknown>) =>
      level === 'info' ? logger.log({ ...extra, msg: message }) : logger[level]({ ...extra, msg: message });
    const handlers = options.consumes?.handlers ?? [];
    return {
      module: MessagingModule,
      providers: [
        ...handlers,
        {
          provide: KafkaConnection,
          inject: [ConfigService],
          useFactory: (config: ConfigService) =>
            new KafkaConnection({
              clientId: options.service,
              brokers: config.getOrThrow<string>('KAFKA_BROKERS').split(','),
              credentials: kafkaCredentialsOf({
                KAFKA_SASL_MECHANISM: config.getOrThrow('KAFKA_SASL_MECHANISM'),
                KAFKA_SASL_USERNAME: config.getOrThrow('KAFKA_SASL_USERNAME'),
                KAFKA_SASL_PASSWORD: config.getOrThrow('KAFKA_SASL_PASSWORD'),
              }),
              log,
            }),
        },
        { provide: Outbox, useValue: new Outbox(options.schema, `/accountability/${options.service}`) },
        { provide: Inbox, useValue: new Inbox(options.schema) },
        {
          provide: MessagingMetrics,
          inject: [Registry, DataSource, KafkaConnection, ConfigService],
          useFactory: (registry: Registry, dataSource: DataSource, kafka: KafkaConnection, config: ConfigService) =>
            new MessagingMetrics(registry, dataSource, kafka, {
              schema: options.schema,
              consumer: options.consumes && { groupId: config.getOrThrow<string>('KAFKA_CONSUMER_GROUP'), topics: options.consumes.topics },
              log,
            }),
        },
        {
          provide: OutboxRelay,
          inject: [DataSource, KafkaConnection, ConfigService, MessagingMetrics],
          useFactory: (dataSource: DataSource, kafka: KafkaConnection, config: ConfigService, metrics: MessagingMetrics) =>
            new OutboxRelay(dataSource, kafka, {
              schema: options.schema,
              databaseUrl: config.getOrThrow<string>('DATABASE_URL'),
              onError: (error) => log('error', 'outbox relay failed; will retry', { error: String(error) }),
              onParked: (row) => {
                metrics.onParked(row);
                log('error', 'outbox row parked: it will not be published until retried or discarded', { ...row });
              },
              onPublished: metrics.onPublished,
            }),
        },
        {
          provide: EventConsumer,
          inject: [KafkaConnection, Transactions, Inbox, ConfigService, MessagingMetrics, ...handlers],
          useFactory: (
            kafka: KafkaConnection,
            transactions: Transactions,
            inbox: Inbox,
            config: ConfigService,
            metrics: MessagingMetrics,
            ...instances: IntegrationEventHandler[]
          ) =>
            options.consumes
              ? new EventConsumer(kafka, transactions, inbox, {
                  groupId: config.getOrThrow<string>('KAFKA_CONSUMER_GROUP'),
                  topics: options.consumes.topics,
                  handlers: instances,
                  log,
                  onConsumed: metrics.onConsumed,
                })
              : undefined,
        },
        {
          provide: RetentionSchedule,
          inject: [DataSource, KafkaConnection, ConfigService, CLOCK],
          useFactory: (dataSource: DataSource, kafka: KafkaConnection, config: ConfigService, clock: Clock) =>
            new RetentionSchedule(
              // Every contract topic and DLQ, not only those consumed: one conservative rule for the job and the CLI.
              new MessagingRetention(dataSource, kafka, {
                schema: options.schema,
                outboxRetentionDays: config.getOrThrow<number>('OUTBOX_RETENTION_DAYS'),
                inboxRetentionDays: config.getOrThrow<number>('INBOX_RETENTION_DAYS'),
                topics: AllTopics,
                log,
              }),
              clock,
              config.getOrThrow<number>('RETENTION_INTERVAL_MINUTES'),
              (error) => log('error', 'retention run failed; it runs again at the next interval', { error: String(error) }),
            ),
        },
        {
          provide: MessagingLifecycle,
          inject: [KafkaConnection, OutboxRelay, ConfigService, EventConsumer],
          useFactory: (kafka: KafkaConnection, relay: OutboxRelay, config: ConfigService, consumer?: EventConsumer) =>
            new MessagingLifecycle(kafka, relay, config.getOrThrow<string>('OUTBOX_RELAY_ENABLED') === 'true', consumer),
        },
      ],
      exports: [KafkaConnection, Outbox, OutboxRelay],
    };
  }
}
