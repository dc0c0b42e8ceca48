// npm run dlq -- list --topic <topic> | show --topic <topic> --id <id> | replay --topic <topic> (--id <id> | --all)
// <id>: an event id, a DLQ position partition:offset, or a bare DLQ offset when only one partition has it.
import 'reflect-metadata';
import { loadEnv, ServiceEnv } from '#config';
import { systemClock } from '#domain';
import { DeadLetterQueue, KafkaConnection, kafkaCredentialsOf, type DeadLetter } from '#messaging';

export interface DlqArguments {
  command: string;
  topic?: string;
  id?: string;
  all: boolean;
}

export function parseDlqArguments(argv: string[]): DlqArguments {
  const [command = 'list', ...rest] = argv;
  const parsed: DlqArguments = { command, all: false };
  for (let index = 0; index < rest.length; index++) {
    const flag = rest[index];
    if (flag === '--all') parsed.all = true;
    else if ((flag === '--topic' || flag === '--id') && rest[index + 1] !== undefined)
      parsed[flag === '--topic' ? 'topic' : 'id'] = rest[++index];
    else throw new Error(`unexpected argument '${flag}': use --topic <topic>, --id <id> or --all`);
  }
  return parsed;
}

/** One line per dead letter: where it is, what event, why it failed, where it came from, whether it was replayed. */
export function describeDeadLetter(queue: DeadLetterQueue, entry: DeadLetter): string {
  return [
    `${queue.deadLetterTopic} ${entry.position}`,
    `${entry.eventType ?? '(no type)'} ${entry.eventId ?? '(no id)'} ${entry.subject ?? ''}`.trimEnd(),
    `reason: ${entry.reason}`,
    `from ${entry.originalTopic}[${entry.originalPartition ?? '?'}]@${entry.originalOffset ?? '?'}`,
    `group ${entry.consumerGroup ?? '?'} after ${entry.attempts ?? '?'} attempt(s)`,
    `failed ${entry.failedAt ?? '?'}`,
    ...(entry.replayOf ? [`a replay of ${entry.replayOf} that failed again`] : []),
    entry.replayed ? `replayed ${entry.replayed.replayedAt} to ${entry.replayed.sentTo}` : 'not replayed',
  ].join(' | ');
}

/**
 * One dead letter in full: its headers (envelope attributes and the DLQ's) and the payload's
 * keys and size. Payload values are not printed: a message that failed may be malformed in
 * any way, personal data included, and what the operator decides on is the envelope and reason.
 */
export function showDeadLetter(queue: DeadLetterQueue, entry: DeadLetter): string[] {
  return [
    describeDeadLetter(queue, entry),
    `  key: ${entry.message.key?.toString('utf8') ?? '(none)'}`,
    ...Object.entries(entry.headers).map(([name, value]) => `  header ${name}: ${value}`),
    `  payload: ${entry.payloadBytes} bytes, ${entry.payloadKeys ? `keys ${entry.payloadKeys.join(', ')}` : 'not a JSON object'}`,
  ];
}

/** Runs one command on a topic's DLQ; returns how many entries it listed, showed or replayed. */
export async function runDlqCommand(
  queue: DeadLetterQueue,
  { command, id, all }: DlqArguments,
  log: (line: string) => void = console.log,
): Promise<number> {
  if (command === 'list') {
    const entries = await queue.list();
    entries.forEach((entry) => log(describeDeadLetter(queue, entry)));
    if (entries.length === 0) log(`no dead letters in ${queue.deadLetterTopic}`);
    return entries.length;
  }
  if (command === 'show') {
    if (!id) throw new Error('show needs --id <event id | partition:offset>');
    const entries = await found(queue, id, false);
    entries.forEach((entry) => showDeadLetter(queue, entry).forEach((line) => log(line)));
    return entries.length;
  }
  if (command === 'replay') {
    if (!id === !all) throw new Error('replay needs either --id <event id | partition:offset> or --all');
    // `--all` and an event id take first failures only: a replay that failed again is replayed by its position.
    const entries = all ? (await queue.list()).filter((entry) => !entry.replayOf) : await found(queue, id!, true);
    const outcomes = await queue.replay(entries);
    for (const outcome of outcomes) {
      log(
        outcome.outcome === 'replayed'
          ? `${queue.deadLetterTopic} ${outcome.position}: replayed to ${outcome.sentTo}`
          : `${queue.deadLetterTopic} ${outcome.position}: already replayed ${outcome.replayedAt}, not sent again`,
      );
    }
    if (outcomes.length === 0) log(`nothing to replay in ${queue.deadLetterTopic}`);
    return outcomes.filter((outcome) => outcome.outcome === 'replayed').length;
  }
  throw new Error(`unknown command '${command}': use list, show or replay`);
}

async function found(queue: DeadLetterQueue, id: string, firstFailuresOnly: boolean): Promise<DeadLetter[]> {
  const entries = await queue.find(id, firstFailuresOnly);
  if (entries.length === 0)
    throw new Error(`no dead letter '${id}' in ${queue.deadLetterTopic}${firstFailuresOnly ? ' that is a first failure' : ''}`);
  return entries;
}

if (process.argv[1]?.endsWith('dlq.js')) {
  let kafka: KafkaConnection | undefined;
  const command = process.argv[2] ?? 'list';
  try {
    const parsed = parseDlqArguments(process.argv.slice(2));
    if (!parsed.topic) throw new Error('--topic <topic> is required');
    const env = loadEnv('dlq', ServiceEnv, process.env, { always: { PORT: '3000' } });
    kafka = new KafkaConnection({ clientId: 'dlq-tool', brokers: env.KAFKA_BROKERS.split(','), credentials: kafkaCredentialsOf(env) });
    await runDlqCommand(new DeadLetterQueue(kafka, parsed.topic, systemClock), parsed);
  } catch (error) {
    console.error(`dlq ${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await kafka?.close();
  }
}
