import { DataSource } from 'typeorm';
import { loadEnv, type ServiceDefaults, type ServiceEnv } from '#config';
import { postgresOptions, type ServiceDatabase } from '#database';

/**
 * The migration DataSource of a service, built from the service's own validated
 * configuration (same schema class, same defaults) so migrations hit the database it uses.
 */
export function serviceDataSource<T extends ServiceEnv>(
  service: string,
  schema: new () => T,
  defaults: ServiceDefaults,
  database: ServiceDatabase,
): DataSource {
  const env = loadEnv(service, schema, process.env, defaults);
  return new DataSource(postgresOptions(env.DATABASE_URL, database));
}
