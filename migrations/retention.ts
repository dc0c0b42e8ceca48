// npm run retention -- --dry-run | --run — the retention job of every service schema, once, with this environment's settings.
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { AllTopics } from '#contracts';
import { loadEnv, ServiceEnv } from '#config';
import { systemClock, type Clock } from '#domain';
import { KafkaConnection, kafkaCredentialsOf, MessagingRetention, type RetentionResult } from '#messaging';
import councilReporting from './council-reporting/data-source.js';
import incidentIntake from './incident-intake/data-source.js';
import investigationTracking from './investigation-tracking/data-source.js';

/** One line per schema: what was (or, dry, would be) deleted, and up to when. */
export function describeRetention(schema: string, result: RetentionResult, dryRun: boolean): string {
  if (result.skipped) return `${schema}: skipped, another instance holds the retention lock`;
  const verb = dryRun ? 'would delete' : 'deleted';
  const inbox = result.inboxCutoff
    ? `${result.inbox} inbox row(s) processed before ${result.inboxCutoff.toISOString()}`
    : 'no inbox rows (kept)';
  return `${schema}: ${verb} ${result.outbox} published outbox row(s) and ${inbox}`;
}

export async function runRetention(
  jobs: [string, MessagingRetention][],
  clock: Clock,
  dryRun: boolean,
  log: (line: string) => void = console.log,
) {
  for (const [schema, job] of jobs) log(describeRetention(schema, await job.run(clock, dryRun), dryRun));
}

if (process.argv[1]?.endsWith('retention.js')) {
  const mode = process.argv[2];
  const services: [DataSource, string][] = [
    [incidentIntake, 'intake'],
    [investigationTracking, 'investigation'],
    [councilReporting, 'reporting'],
  ];
  let kafka: KafkaConnection | undefined;
  try {
    if (mode !== '--dry-run' && mode !== '--run') throw new Error('say --dry-run to count what would be deleted, or --run to delete it');
    const env = loadEnv('retention', ServiceEnv, process.env, { always: { PORT: '3000' } });
    kafka = new KafkaConnection({ clientId: 'retention', brokers: env.KAFKA_BROKERS.split(','), credentials: kafkaCredentialsOf(env) });
    await Promise.all(services.map(([dataSource]) => dataSource.initialize()));
    const jobs = services.map(([dataSource, schema]): [string, MessagingRetention] => [
      schema,
      new MessagingRetention(dataSource, kafka!, {
        schema,
        outboxRetentionDays: env.OUTBOX_RETENTION_DAYS,
        inboxRetentionDays: env.INBOX_RETENTION_DAYS,
        topics: AllTopics,
        log: (level, message) => level !== 'info' && level !== 'debug' && console.error(`${schema}: ${message}`),
      }),
    ]);
    await runRetention(jobs, systemClock, mode === '--dry-run');
  } catch (error) {
    console.error(`retention failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await Promise.all(services.filter(([dataSource]) => dataSource.isInitialized).map(([dataSource]) => dataSource.destroy()));
    await kafka?.close();
  }
}
