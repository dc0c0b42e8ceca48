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

/** Limits on each database session of a service. */
export interface SessionLimits {
  /** PostgreSQL's `statement_timeout`: a longer statement is cancelled; 0 or absent disables it. */
  statementTimeoutMs?: number;
}

/**
 * Options shared by a service's runtime DataSource and its migration CLI. `synchronize`
 * is off everywhere, tests included: only migrations change the schema. The runtime passes a
 * statement timeout so that no request holds a connection without bound; migrations do not.
 */
export function postgresOptions(url: string, database: ServiceDatabase, limits: SessionLimits = {}): DataSourceOptions {
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
    // pg sets statement_timeout in each new connection's startup packet.
    extra: { max: 10, ...(limits.statementTimeoutMs ? { statement_timeout: limits.statementTimeoutMs } : {}) },
  };
}
