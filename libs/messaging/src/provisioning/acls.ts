import kafkajs, { type AclEntry } from 'kafkajs';
import { deadLetterTopicOf, Topics } from '#contracts';
import type { KafkaConnection } from '../kafka-connection.js';

// kafkajs is CommonJS: its enums exist at run time on the default export only.
const { AclOperationTypes: Operation, AclPermissionTypes, AclResourceTypes: Resource, ResourcePatternTypes: Pattern } = kafkajs;

/** What one principal may do on the broker: the topics it reads and writes, and its consumer groups. */
export interface PrincipalGrants {
  principal: string;
  reads: readonly string[];
  writes: readonly string[];
  /** Consumer groups whose names start with this prefix. */
  groupPrefix: string;
  /** Whether its groups may also be deleted (a replay starts its group again). */
  deletesGroups: boolean;
}

/** Topics partners read: nothing internal, no dead letters. */
export const PartnerTopics: readonly string[] = [Topics.partnerIncidents, Topics.partnerCases];

/**
 * Each service reads and writes what it owns (see apps/*\/src/*.module.ts), writes the dead
 * letters of what it consumes and uses the consumer groups named after it (tests and replays
 * add a suffix to the service name).
 */
export const ServiceGrants: readonly PrincipalGrants[] = [
  service('incident-intake', [], [Topics.incidents, Topics.partnerIncidents]),
  service('investigation-tracking', [Topics.incidents], [Topics.cases, Topics.partnerCases]),
  service('council-reporting', [Topics.incidents, Topics.cases, Topics.reports], [Topics.reports]),
];

function service(name: string, reads: string[], writes: string[]): PrincipalGrants {
  return { principal: name, reads, writes: [...writes, ...reads.map(deadLetterTopicOf)], groupPrefix: name, deletesGroups: true };
}

/** Partner `name` is principal `partner-<name>`: it reads the partner topics only, with consumer groups `partner-<name>-…`. */
export function partnerGrants(name: string): PrincipalGrants {
  return { principal: `partner-${name}`, reads: PartnerTopics, writes: [], groupPrefix: `partner-${name}-`, deletesGroups: false };
}

/** The ACL entries that allow exactly the grants (the broker refuses everything else). */
export function aclEntriesOf(grants: PrincipalGrants): AclEntry[] {
  const allow = (resourceType: number, resourceName: string, resourcePatternType: number, operations: number[]) =>
    operations.map((operation): AclEntry => ({
      resourceType,
      resourceName,
      resourcePatternType,
      principal: `User:${grants.principal}`,
      host: '*',
      operation,
      permissionType: AclPermissionTypes.ALLOW,
    }));
  return [
    // DESCRIBE_CONFIGS: the retention job reads a consumed topic's retention.
    ...grants.reads.flatMap((topic) =>
      allow(Resource.TOPIC, topic, Pattern.LITERAL, [Operation.READ, Operation.DESCRIBE, Operation.DESCRIBE_CONFIGS]),
    ),
    // CREATE: a consumer creates its dead-letter topic when provisioning has not.
    ...grants.writes.flatMap((topic) =>
      allow(Resource.TOPIC, topic, Pattern.LITERAL, [Operation.WRITE, Operation.DESCRIBE, Operation.CREATE]),
    ),
    ...allow(Resource.GROUP, grants.groupPrefix, Pattern.PREFIXED, [
      Operation.READ,
      Operation.DESCRIBE,
      ...(grants.deletesGroups ? [Operation.DELETE] : []),
    ]),
  ];
}

/** Creates the ACL entries of the grants; the broker keeps an entry that exists already once. */
export async function grantAcls(kafka: KafkaConnection, grants: readonly PrincipalGrants[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createAcls({ acl: grants.flatMap(aclEntriesOf) });
  } finally {
    await admin.disconnect();
  }
}
