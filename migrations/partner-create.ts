// npm run partner:create -- --name acme — a partner's Kafka credentials and ACLs, printed once.
import { createPartner, toolKafkaCredentials } from '#messaging';

const index = process.argv.indexOf('--name');
const name = index >= 0 ? process.argv[index + 1] : undefined;
if (!name) {
  console.error('usage: npm run partner:create -- --name <partner>');
  process.exit(2);
}
try {
  // As the admin of KAFKA_SASL_USERNAME / KAFKA_SASL_PASSWORD (the local broker's admin by default).
  const partner = await createPartner(name, {
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    credentials: toolKafkaCredentials(),
    stackScript: 'docker/stack.sh',
  });
  // librdkafka's property names: the output is a configuration file for kcat -F as it is.
  console.log(
    [
      `bootstrap.servers=${partner.bootstrapServers}`,
      `security.protocol=${partner.securityProtocol}`,
      `sasl.mechanisms=${partner.mechanism}`,
      `sasl.username=${partner.username}`,
      `sasl.password=${partner.password}`,
      `# topics (read only): ${partner.topics.join(', ')}`,
      `# consumer group ids must start with: ${partner.groupPrefix}`,
      '# the password is shown once: hand it over now',
    ].join('\n'),
  );
} catch (error) {
  console.error(`partner:create failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
