import 'reflect-metadata';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUrl, Matches, Max, Min, MinLength } from 'class-validator';

export const LogLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Values of `OTEL_TRACES_EXPORTER` (one exporter; the standard's comma list is not needed here). */
export const TraceExporters = ['otlp', 'console', 'none'] as const;

export const KafkaSaslMechanisms = ['scram-sha-512', 'scram-sha-256'] as const;

export const Environments = ['development', 'test', 'production'] as const;

/** Environments in which the local defaults (known secrets included) may fill the gaps. */
export const LocalEnvironments: readonly string[] = ['development', 'test'];

/** Variables every service reads. Each service extends it with its own. */
export class ServiceEnv {
  /** Required, never defaulted: an unset NODE_ENV must not mean "use the development secrets". */
  @IsIn(Environments)
  NODE_ENV!: (typeof Environments)[number];

  @IsInt()
  @Min(1)
  @Max(65535)
  PORT!: number;

  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL!: string;

  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must be a comma-separated list of host:port' })
  KAFKA_BROKERS!: string;

  /** SASL mechanism of the broker's client listener (the local broker and compose use SCRAM-SHA-512). */
  @IsIn(KafkaSaslMechanisms)
  KAFKA_SASL_MECHANISM!: (typeof KafkaSaslMechanisms)[number];

  /** The service's Kafka principal; its ACLs allow what the service reads and writes. */
  @IsString()
  @MinLength(1)
  KAFKA_SASL_USERNAME!: string;

  @IsString()
  @MinLength(1)
  KAFKA_SASL_PASSWORD!: string;

  /** Defaults to the service name; tests give each run its own. */
  @IsString()
  @MinLength(1)
  KAFKA_CONSUMER_GROUP!: string;

  @IsIn(['HS256', 'RS256', 'ES256'])
  JWT_ALGORITHM!: 'HS256' | 'RS256' | 'ES256';

  /** Shared secret for HS256 (at least 32 characters). */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  /** PEM public key for RS256 / ES256: production verifies tokens its identity provider signed. */
  @IsOptional()
  @Matches(/-----BEGIN PUBLIC KEY-----/, { message: 'JWT_PUBLIC_KEY must be a PEM public key' })
  JWT_PUBLIC_KEY?: string;

  /** JWKS endpoint of the identity provider for RS256 / ES256, instead of one fixed public key. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'] }, { message: 'JWT_JWKS_URI must be an http(s) URL' })
  JWT_JWKS_URI?: string;

  /**
   * HS256 shares the verifying secret with whoever mints tokens, so production refuses it
   * unless this is `true` (a local demo such as docker/compose.yaml).
   */
  @IsIn(['true', 'false'])
  JWT_ALLOW_HS256_IN_PRODUCTION!: 'true' | 'false';

  /** Longest accepted token lifetime, `exp - iat` (or `exp - now` without `iat`). */
  @IsInt()
  @Min(60)
  @Max(7 * 24 * 3600)
  JWT_MAX_LIFETIME_SECONDS!: number;

  /** Tolerated clock difference with the identity provider, for `exp`, `nbf` and `iat`. */
  @IsInt()
  @Min(0)
  @Max(600)
  JWT_CLOCK_SKEW_SECONDS!: number;

  @IsString()
  @MinLength(1)
  JWT_ISSUER!: string;

  @IsString()
  @MinLength(1)
  JWT_AUDIENCE!: string;

  @IsIn(LogLevels)
  LOG_LEVEL!: (typeof LogLevels)[number];

  /** Where spans go: `otlp` (OTLP/HTTP JSON), `console` (stdout), or `none` (off: nothing recorded, no trace headers). */
  @IsIn(TraceExporters)
  OTEL_TRACES_EXPORTER!: (typeof TraceExporters)[number];

  /** OTLP/HTTP base URL of the collector; spans are posted to `<endpoint>/v1/traces`. */
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['https', 'http'] },
    { message: 'OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL' },
  )
  OTEL_EXPORTER_OTLP_ENDPOINT!: string;

  /** `service.name` of the spans; defaults to the service's name. */
  @IsString()
  @MinLength(1)
  OTEL_SERVICE_NAME!: string;

  /** `false` where change data capture (Debezium's outbox router) publishes the outbox instead. */
  @IsIn(['true', 'false'])
  OUTBOX_RELAY_ENABLED!: 'true' | 'false';

  /** Requests per minute one bearer token may make (429 with Retry-After beyond). */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE!: number;

  /** Requests per minute one client address may make, with or without a token. */
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_IP_PER_MINUTE!: number;

  /** PostgreSQL cancels a statement of the service running longer than this; 0 disables it. */
  @IsInt()
  @Min(0)
  DATABASE_STATEMENT_TIMEOUT_MS!: number;

  /** Published outbox rows are deleted this many days after publication (unpublished and parked ones never). */
  @IsInt()
  @Min(1)
  OUTBOX_RETENTION_DAYS!: number;

  /**
   * Inbox rows may be deleted this many days after processing; 0 keeps them forever. The job
   * never goes below the retention of the topics (forever for the event topics), so a
   * redelivered event is still absorbed; see `MessagingRetention`.
   */
  @IsInt()
  @Min(0)
  INBOX_RETENTION_DAYS!: number;

  /** Minutes between the service's retention runs; 0 turns the schedule off (`npm run retention` still works). */
  @IsInt()
  @Min(0)
  RETENTION_INTERVAL_MINUTES!: number;

  /**
   * Test mode only (refused otherwise): the instant the service's clock shows when the process
   * starts, from which it runs with real time; CI runs the e2e suite next year with it.
   */
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  @Matches(/(Z|[+-]\d{2}:\d{2})$/, { message: 'CLOCK_START must name its time zone, e.g. 2027-03-01T09:00:00Z' })
  CLOCK_START?: string;
}

/**
 * Values that make a fresh checkout run locally: where the infrastructure is and a
 * development signing secret. Applied only when NODE_ENV is explicitly `development` or
 * `test` (`npm start` and `npm test` set it); otherwise each must be given.
 */
export const localDefaults: Record<string, string> = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/accountability',
  KAFKA_BROKERS: '127.0.0.1:9092',
  JWT_SECRET: 'local-development-secret-not-for-production',
  JWT_ISSUER: 'accountability-local',
  JWT_AUDIENCE: 'accountability',
};

/** Principals of the local broker (docker/stack.sh formats it with them): one per service, and admin. */
export const LocalKafkaServices: readonly string[] = ['incident-intake', 'investigation-tracking', 'council-reporting'];

/** The local broker's password of a principal; stack.sh derives the same. */
export function localKafkaPassword(username: string): string {
  return `${username}-local-kafka-secret-not-for-production`;
}

/**
 * Local Kafka credentials: a service connects as its own principal, any other tool (migrations,
 * DLQ, retention) as admin. A username given without a password gets that user's local password.
 */
export function localKafkaCredentials(service: string, username?: string): Record<string, string> {
  const user = username ?? (LocalKafkaServices.includes(service) ? service : 'admin');
  return { KAFKA_SASL_USERNAME: user, KAFKA_SASL_PASSWORD: localKafkaPassword(user) };
}

/** Defaults that are right in every environment; a service adds its own (its PORT). */
export function commonDefaults(service: string): Record<string, string> {
  return {
    KAFKA_CONSUMER_GROUP: service,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    JWT_ALGORITHM: 'HS256',
    JWT_ALLOW_HS256_IN_PRODUCTION: 'false',
    JWT_MAX_LIFETIME_SECONDS: String(12 * 3600),
    JWT_CLOCK_SKEW_SECONDS: '60',
    LOG_LEVEL: 'info',
    OTEL_TRACES_EXPORTER: 'none',
    OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318',
    OTEL_SERVICE_NAME: service,
    OUTBOX_RELAY_ENABLED: 'true',
    RATE_LIMIT_PER_MINUTE: '600',
    RATE_LIMIT_PER_IP_PER_MINUTE: '3000',
    DATABASE_STATEMENT_TIMEOUT_MS: '30000',
    OUTBOX_RETENTION_DAYS: '7',
    INBOX_RETENTION_DAYS: '0',
    RETENTION_INTERVAL_MINUTES: '60',
  };
}
