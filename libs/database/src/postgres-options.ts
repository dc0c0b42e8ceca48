import type { DataSourceOptions } from 'typeorm';
import type { MixedList, EntitySchema } from 'typeorm';

export interface ServiceDatabase {
  /** PostgreSQL schema the service owns; no other service reads it. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
  migrations?: MixedList<Function | string>;
}

/**
 * Options shared by a service's runtime DataSource and its migration CLI. `synchronize`
 * is off everywhere, tests included: only migrations change the schema.
 */
export function postgresOptions(url: string, database: ServiceDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: database.entities,
    migrations: database.migrations ?? [],
    // Bookkeeping lives beside the schema it tracks, so each service's history is its own.
    migrationsTableName: `${database.schema}_migrations`,
    synchronize: false,
    migrationsRun: false,
    applicationName: database.schema,
    extra: { max: 10 },
  };
}
