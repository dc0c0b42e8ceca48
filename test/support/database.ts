import { DataSource } from 'typeorm';
import { postgresOptions } from '#database';
import { addOutboxParkingV2, createMessagingTablesV1 } from '#messaging';

/** A DataSource on the test database, for tests that drive the messaging library directly. */
export async function openTestDataSource(schema: string): Promise<DataSource> {
  const dataSource = new DataSource(postgresOptions(process.env.DATABASE_URL!, { schema, entities: [] }));
  return dataSource.initialize();
}

/** A DataSource on a new schema of the test database holding a service's outbox and inbox, as the migrations leave them. */
export async function openMessagingSchema(schema: string): Promise<DataSource> {
  const dataSource = await openTestDataSource(schema);
  const queryRunner = dataSource.createQueryRunner();
  try {
    await queryRunner.query(`CREATE SCHEMA "${schema}"`);
    await createMessagingTablesV1(queryRunner, schema);
    await addOutboxParkingV2(queryRunner, schema);
  } finally {
    await queryRunner.release();
  }
  return dataSource;
}
