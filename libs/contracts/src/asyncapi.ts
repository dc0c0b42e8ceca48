import { EventCatalogue } from './event-catalogue.js';
import { payloadSchemas, sortedByName, type JsonSchema } from './json-schema.js';
import { deadLetterTopicOf, hasDeadLetterTopic, TopicPartitions, Topics, type Topic } from './topics.js';

const SCHEMAS = '#/components/schemas/';

/** CloudEvents binary mode: the attributes partners find in each message's headers. */
const cloudEventHeaders: JsonSchema = {
  type: 'object',
  required: ['ce_specversion', 'ce_id', 'ce_source', 'ce_type', 'ce_time', 'ce_subject', 'content-type'],
  properties: {
    ce_specversion: { type: 'string', const: '1.0' },
    ce_id: { type: 'string', description: 'Event id (UUID v7); consumers deduplicate on it' },
    ce_source: { type: 'string', example: '/accountability/incident-intake' },
    ce_type: { type: 'string', example: 'accountability.incident.reported.v1' },
    ce_time: { type: 'string', format: 'date-time' },
    ce_subject: { type: 'string', example: 'incident/01a226d8-0418-731e-a930-cef436a2f0ab' },
    ce_dataschema: { type: 'string', description: '$id of the payload schema' },
    ce_correlationid: { type: 'string', description: 'Correlation id of the request that caused the event' },
    'content-type': { type: 'string', const: 'application/json' },
  },
};

const deadLetterHeaders: JsonSchema = {
  type: 'object',
  properties: {
    dlq_reason: { type: 'string' },
    dlq_original_topic: { type: 'string' },
    dlq_original_partition: { type: 'string' },
    dlq_original_offset: { type: 'string' },
    dlq_original_timestamp: { type: 'string' },
    dlq_consumer_group: { type: 'string' },
    dlq_attempts: { type: 'string' },
    dlq_failed_at: { type: 'string', format: 'date-time' },
  },
};

const channelNames: Record<Topic, string> = {
  [Topics.incidents]: 'incidents',
  [Topics.cases]: 'cases',
  [Topics.reports]: 'reports',
  [Topics.partnerIncidents]: 'partnerIncidents',
  [Topics.partnerCases]: 'partnerCases',
};

/**
 * The AsyncAPI 3 document partners read: one channel per topic and its dead-letter twin if any,
 * one message per event type, payload schemas derived from the contract classes.
 */
export function buildAsyncApiDocument(): JsonSchema {
  const schemas: Record<string, JsonSchema> = { CloudEventHeaders: cloudEventHeaders, DeadLetterHeaders: deadLetterHeaders };
  const messages: Record<string, JsonSchema> = {};
  for (const contract of EventCatalogue) {
    const { root, nested } = payloadSchemas(contract.payload, SCHEMAS);
    Object.assign(schemas, nested, { [contract.payload.name]: root });
    messages[contract.type] = {
      name: contract.type,
      title: contract.type,
      summary: contract.description,
      contentType: 'application/json',
      headers: { $ref: `${SCHEMAS}CloudEventHeaders` },
      payload: { $ref: `${SCHEMAS}${contract.payload.name}` },
      bindings: { kafka: { key: { type: 'string', format: 'uuid', description: `${contract.aggregateType} id` } } },
    };
  }
  const channels: Record<string, JsonSchema> = {};
  const operations: Record<string, JsonSchema> = {};
  for (const topic of Object.values(Topics)) {
    const name = channelNames[topic];
    const topicMessages = Object.fromEntries(
      // Keyed by type: several event types share one payload class.
      EventCatalogue.filter((contract) => contract.topic === topic).map((contract) => [
        contract.type,
        { $ref: `#/components/messages/${contract.type}` },
      ]),
    );
    channels[name] = {
      address: topic,
      description:
        `Keyed by aggregate id, so one aggregate's events stay in order. ${Object.keys(topicMessages).length ? '' : 'Reserved for Council reports.'}`.trim(),
      messages: topicMessages,
      bindings: { kafka: { topic, partitions: TopicPartitions[topic], replicas: 1 } },
    };
    if (hasDeadLetterTopic(topic)) {
      channels[`${name}DeadLetter`] = {
        address: deadLetterTopicOf(topic),
        description: 'Messages a consumer could never process, unchanged, with the reason and original coordinates in dlq_* headers.',
        messages: topicMessages,
        bindings: { kafka: { topic: deadLetterTopicOf(topic), partitions: TopicPartitions[topic], replicas: 1 } },
      };
    }
    if (Object.keys(topicMessages).length > 0) {
      operations[`receive${name[0].toUpperCase()}${name.slice(1)}`] = {
        action: 'receive',
        channel: { $ref: `#/channels/${name}` },
        summary: `Events of ${topic}`,
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Accountability case management events',
      version: '1.0.0',
      description:
        'Events of the accountability chain of recommendation 6 (S/RES/2730 (2024)). CloudEvents 1.0 in Kafka binary content mode: attributes in ce_* headers, the JSON payload as the value, the aggregate id as the key. Events carry ids, categories, counts and dates only; never names, narratives or contact details.',
    },
    defaultContentType: 'application/json',
    servers: { local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'The broker `npm run stack:up` starts' } },
    channels,
    operations,
    components: { schemas: sortedByName(schemas), messages },
  };
}
