import { DataSource } from 'typeorm';
import { postgresOptions } from '#database';

/** A DataSource on the test database, for tests that drive the messaging library directly. */
export async function openTestDataSource(schema: string): Promise<DataSource> {
  const dataSource = new DataSource(postgresOptions(process.env.DATABASE_URL!, { schema, entities: [] }));
  return dataSource.initialize();
}
