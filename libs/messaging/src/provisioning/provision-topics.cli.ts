// Creates the Kafka topics of the contract (used by `npm run stack:up` and the compose file).
import { KafkaConnection } from '../kafka-connection.js';
import { provisionTopics } from './provision-topics.js';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const kafka = new KafkaConnection({ clientId: 'topic-provisioning', brokers });
const deadline = Date.now() + 60_000;
for (;;) {
  try {
    const created = await provisionTopics(kafka, Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1));
    console.error(`[stack] Kafka: topics ready (${created.length ? `created ${created.join(', ')}` : 'all present'})`);
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
