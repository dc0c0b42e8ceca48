// Creates the Kafka topics of the contract and the services' ACLs (used by `npm run stack:up` and the compose file).
import { KafkaConnection, toolKafkaCredentials } from '../kafka-connection.js';
import { grantAcls, ServiceGrants } from './acls.js';
import { provisionTopics } from './provision-topics.js';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const replicationFactor = positiveInteger('KAFKA_REPLICATION_FACTOR') ?? 1;
// Production sets 12 (docker/compose.yaml): room for up to 12 instances of each consumer.
const partitions = positiveInteger('KAFKA_TOPIC_PARTITIONS');
const kafka = new KafkaConnection({ clientId: 'topic-provisioning', brokers, credentials: toolKafkaCredentials() });
const deadline = Date.now() + 60_000;
for (;;) {
  try {
    const created = await provisionTopics(kafka, { replicationFactor, partitions });
    console.error(`[stack] Kafka: topics ready (${created.length ? `created ${created.join(', ')}` : 'all present'})`);
    await grantAcls(kafka, ServiceGrants);
    console.error(`[stack] Kafka: ACLs of ${ServiceGrants.map((grants) => grants.principal).join(', ')} granted`);
    break;
  } catch (error) {
    if (Date.now() > deadline) {
      console.error(`[stack] Kafka: could not provision topics on ${brokers.join(',')}: ${String(error)}`);
      process.exit(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}
await kafka.close();

function positiveInteger(name: string): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return undefined;
  if (!/^[1-9]\d*$/.test(value)) {
    console.error(`[stack] Kafka: ${name} must be a positive whole number, not "${value}"`);
    process.exit(2);
  }
  return Number(value);
}
