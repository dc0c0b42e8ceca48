import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { KafkaConnection, type KafkaCredentials } from '../kafka-connection.js';
import { grantAcls, partnerGrants, PartnerTopics } from './acls.js';

/** What a partner needs to connect: given to it once, the password is not stored anywhere else. */
export interface PartnerConnection {
  bootstrapServers: string;
  securityProtocol: 'SASL_PLAINTEXT';
  mechanism: 'SCRAM-SHA-512';
  username: string;
  password: string;
  topics: readonly string[];
  groupPrefix: string;
}

/** Lower-case letters, digits and inner hyphens: it becomes part of a principal and of group names. */
const PartnerName = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * Creates partner `name`'s principal `partner-<name>` with a new random password (a second call
 * replaces the password) and its ACLs: read the partner topics, with consumer groups
 * `partner-<name>-…`. Acts as the given admin; `stackScript` is docker/stack.sh, which stores
 * the SCRAM credentials with Kafka's own tool.
 */
export async function createPartner(
  name: string,
  broker: { brokers: string[]; credentials: KafkaCredentials; stackScript: string },
): Promise<PartnerConnection> {
  if (!PartnerName.test(name)) {
    throw new Error(`partner name '${name}' is invalid: use 1 to 40 lower-case letters, digits and inner hyphens`);
  }
  const grants = partnerGrants(name);
  const password = randomBytes(32).toString('base64url');
  await promisify(execFile)('bash', [broker.stackScript, 'scram-user', grants.principal], {
    env: {
      ...process.env,
      SCRAM_PASSWORD: password,
      KAFKA_BROKERS: broker.brokers.join(','),
      KAFKA_SASL_USERNAME: broker.credentials.username,
      KAFKA_SASL_PASSWORD: broker.credentials.password,
    },
  });
  const kafka = new KafkaConnection({ clientId: 'partner-create', brokers: broker.brokers, credentials: broker.credentials });
  try {
    await grantAcls(kafka, [grants]);
  } finally {
    await kafka.close();
  }
  return {
    bootstrapServers: broker.brokers.join(','),
    securityProtocol: 'SASL_PLAINTEXT',
    mechanism: 'SCRAM-SHA-512',
    username: grants.principal,
    password,
    topics: PartnerTopics,
    groupPrefix: grants.groupPrefix,
  };
}
