// Plain JavaScript on the build output: Jest runs global setup outside its transform.
import './test-env.js';
import pg from 'pg';
import { assertTestDatabase } from '#database';
import { AllTopics } from '#contracts';
import { grantAcls, KafkaConnection, provisionTopics, ServiceGrants, toolKafkaCredentials } from '#messaging';
import { migrateAll } from '../../dist/migrations/run.js';

/**
 * Once per run: a test database rebuilt by the real migrations, and the contract's topics
 * recreated empty, so figures and consumer offsets start from nothing.
 */
export default async function globalSetup() {
  const url = process.env.DATABASE_URL;
  assertTestDatabase(url);

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const schema of ['intake', 'investigation', 'reporting']) {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.query(`DROP TABLE IF EXISTS public."${schema}_migrations"`);
    }
  } finally {
    await client.end();
  }
  await migrateAll('up', () => undefined);

  await recreateTopics(process.env.KAFKA_BROKERS.split(','));
}

/** @param {string[]} brokers */
async function recreateTopics(brokers) {
  const kafka = new KafkaConnection({ clientId: 'test-setup', brokers, credentials: toolKafkaCredentials() });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = (await admin.listTopics()).filter((topic) => AllTopics.includes(topic));
    if (existing.length > 0) await admin.deleteTopics({ topics: existing, timeout: 30000 });
    const deadline = Date.now() + 60000;
    // Deletion completes asynchronously; creation fails until it has.
    for (;;) {
      try {
        await provisionTopics(kafka);
        await grantAcls(kafka, ServiceGrants);
        const metadata = await admin.fetchTopicMetadata({ topics: [...AllTopics] });
        if (metadata.topics.every((topic) => topic.partitions.every((partition) => partition.leader >= 0))) return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await admin.disconnect();
    await kafka.close();
  }
}
