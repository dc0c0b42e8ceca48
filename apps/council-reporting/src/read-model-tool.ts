import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnv } from '#config';
import { postgresOptions } from '#database';
import { KafkaConnection, kafkaCredentialsOf } from '#messaging';
import { CouncilReportingEnv, councilReportingDefaults } from './council-reporting.env.js';
import { CaseProjection } from './projections/infrastructure/case-projection.js';
import { IncidentProjection } from './projections/infrastructure/incident-projection.js';
import { LiveProjectionSchema } from './projections/infrastructure/projection-tables.js';
import { ReadModels } from './projections/infrastructure/read-models.js';

export interface ReadModelTools {
  dataSource: DataSource;
  kafka: KafkaConnection;
  readModels: ReadModels;
}

/**
 * Runs a command-line tool over the read models with the service's validated configuration:
 * a database, the broker, and every projection. `work` answers the exit code; a failure is
 * printed with `failure` and exits 1. Connections are closed either way.
 */
export async function runReadModelTool(name: string, failure: string, work: (tools: ReadModelTools) => Promise<number>): Promise<void> {
  const env = loadEnv('council-reporting', CouncilReportingEnv, process.env, councilReportingDefaults);
  const dataSource = new DataSource(postgresOptions(env.DATABASE_URL, { schema: LiveProjectionSchema, entities: [] }));
  const kafka = new KafkaConnection({
    clientId: `council-reporting-${name}`,
    brokers: env.KAFKA_BROKERS.split(','),
    credentials: kafkaCredentialsOf(env),
  });
  try {
    await dataSource.initialize();
    process.exitCode = await work({ dataSource, kafka, readModels: new ReadModels(new IncidentProjection(), new CaseProjection()) });
  } catch (error) {
    console.error(`${failure}: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await kafka.close();
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
