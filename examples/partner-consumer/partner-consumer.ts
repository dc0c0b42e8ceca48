// An example partner consumer (npm run example:partner-consumer): replays the partner topics
// from the beginning, validates each event against its published JSON Schema, skips
// duplicates by CloudEvents id and prints a summary. Standalone: kafkajs, ajv and Node only.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { Kafka, logLevel, type IHeaders, type SASLOptions } from 'kafkajs';

const PartnerTopics = ['accountability.partner.incidents.v1', 'accountability.partner.cases.v1'];

interface Settings {
  brokers: string[];
  sasl?: SASLOptions;
  ssl: boolean;
  topics: string[];
  schemaFolder: string;
  /** Partners may only use consumer groups under the prefix they are given. */
  groupPrefix: string;
}

interface Invalid {
  at: string;
  type: string;
  id: string;
  reason: string;
}

interface Summary {
  messages: number;
  eventsByType: Record<string, number>;
  duplicatesSkipped: number;
  invalid: Invalid[];
}

function settingsFromEnv(env: NodeJS.ProcessEnv): Settings {
  return {
    brokers: (env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
    sasl: saslFromEnv(env),
    ssl: env.KAFKA_SSL === 'true',
    topics: env.PARTNER_TOPICS ? env.PARTNER_TOPICS.split(',') : PartnerTopics,
    schemaFolder: env.PARTNER_SCHEMAS ?? 'libs/contracts/schemas',
    groupPrefix: env.KAFKA_GROUP_PREFIX ?? 'partner-',
  };
}

/** Without a mechanism, no SASL (today's local broker); with one, both credentials are needed. */
function saslFromEnv(env: NodeJS.ProcessEnv): SASLOptions | undefined {
  const mechanism = env.KAFKA_SASL_MECHANISM;
  if (!mechanism) return undefined;
  if (mechanism !== 'scram-sha-512' && mechanism !== 'scram-sha-256') {
    throw new Error(`KAFKA_SASL_MECHANISM must be scram-sha-512 or scram-sha-256, not ${mechanism}`);
  }
  if (!env.KAFKA_SASL_USERNAME || !env.KAFKA_SASL_PASSWORD) {
    throw new Error('KAFKA_SASL_MECHANISM is set: KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are needed too');
  }
  return { mechanism, username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD };
}

/** One validator per published schema, found by its `$id` (the events' `ce_dataschema`) and by its title (the event type). */
function loadValidators(folder: string): Map<string, ValidateFunction> {
  const ajv = new Ajv({ allErrors: true });
  ajvFormats.default(ajv);
  const validators = new Map<string, ValidateFunction>();
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(join(folder, file), 'utf8')) as { $id: string; title: string };
    const validate = ajv.compile(schema);
    validators.set(schema.$id, validate);
    validators.set(schema.title, validate);
  }
  return validators;
}

function header(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  return (Array.isArray(value) ? value[0] : value)?.toString();
}

async function replay(settings: Settings): Promise<Summary> {
  const validators = loadValidators(settings.schemaFolder);
  const kafka = new Kafka({
    clientId: 'partner-example',
    brokers: settings.brokers,
    sasl: settings.sasl,
    ssl: settings.ssl,
    logLevel: logLevel.WARN,
  });
  const admin = kafka.admin();
  await admin.connect();
  // The end of each partition as it is now: the replay stops there, whatever arrives later.
  const remaining = new Map<string, number>();
  for (const topic of settings.topics) {
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
      if (Number(high) > Number(low)) remaining.set(`${topic}/${partition}`, Number(high));
    }
  }
  await admin.disconnect();

  const summary: Summary = { messages: 0, eventsByType: {}, duplicatesSkipped: 0, invalid: [] };
  const seen = new Set<string>();
  const consumer = kafka.consumer({ groupId: `${settings.groupPrefix}example-${randomUUID()}` });
  let finish = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  if (remaining.size === 0) finish();
  await consumer.connect();
  await consumer.subscribe({ topics: settings.topics, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ topic, partition, message }) => {
      const position = `${topic}/${partition}`;
      const end = remaining.get(position);
      if (end === undefined || Number(message.offset) >= end) return;
      summary.messages += 1;
      handle(summary, seen, validators, `${position}@${message.offset}`, message.headers, message.value);
      if (Number(message.offset) + 1 >= end) {
        remaining.delete(position);
        if (remaining.size === 0) finish();
      }
    },
  });
  await finished;
  await consumer.disconnect();
  return summary;
}

/** One message: skipped if its CloudEvents id was seen, else validated against the schema it names and counted. */
function handle(
  summary: Summary,
  seen: Set<string>,
  validators: Map<string, ValidateFunction>,
  at: string,
  headers: IHeaders | undefined,
  value: Buffer | null,
): void {
  const id = header(headers, 'ce_id') ?? '';
  const type = header(headers, 'ce_type') ?? '';
  const refuse = (reason: string): void => {
    summary.invalid.push({ at, type, id, reason });
  };
  if (!id || !type) return refuse('not a CloudEvent: ce_id or ce_type header missing');
  if (seen.has(id)) {
    summary.duplicatesSkipped += 1;
    return;
  }
  seen.add(id);
  const schema = header(headers, 'ce_dataschema') || type;
  const validate = validators.get(schema);
  if (!validate) return refuse(`no published schema ${schema}`);
  let data: unknown;
  try {
    data = JSON.parse(value?.toString('utf8') ?? '');
  } catch {
    return refuse('value is not JSON');
  }
  if (!validate(data)) {
    return refuse((validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'invalid'}`).join('; '));
  }
  summary.eventsByType[type] = (summary.eventsByType[type] ?? 0) + 1;
}

function print(summary: Summary, settings: Settings): void {
  const lines = [
    `replayed ${summary.messages} message(s) of ${settings.topics.join(', ')} up to their end offsets at start`,
    'valid events by type:',
    ...Object.entries(summary.eventsByType)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([type, count]) => `  ${type}: ${count}`),
    `duplicates skipped: ${summary.duplicatesSkipped}`,
    `invalid events: ${summary.invalid.length}`,
    ...summary.invalid.map((invalid) => `  ${invalid.at} ${invalid.type || '?'} ${invalid.id || '?'}: ${invalid.reason}`),
    // One machine-readable line, for scripts and the CI test.
    `summary ${JSON.stringify(summary)}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const settings = settingsFromEnv(process.env);
replay(settings).then(
  (summary) => {
    print(summary, settings);
    process.exitCode = summary.invalid.length > 0 ? 1 : 0;
  },
  (error: unknown) => {
    process.stderr.write(`partner consumer failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
