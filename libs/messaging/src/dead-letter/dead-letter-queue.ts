import type { IHeaders, KafkaMessage } from 'kafkajs';
import { deadLetterTopicOf } from '#contracts';
import type { Clock } from '#domain';
import { headerValue } from '../envelope.js';
import type { KafkaConnection } from '../kafka-connection.js';
import { readTopicToEnd } from './read-topic.js';

/** Header a replayed message carries: the DLQ position (`partition:offset`) it was replayed from. */
export const ReplayedFromHeader = 'dlq_replayed_from';

/** What an operator is shown of a dead letter: coordinates, envelope metadata, the failure. */
export interface DeadLetter {
  /** `partition:offset` in the DLQ topic. */
  position: string;
  eventId?: string;
  eventType?: string;
  subject?: string;
  reason: string;
  originalTopic: string;
  originalPartition?: string;
  originalOffset?: string;
  consumerGroup?: string;
  attempts?: string;
  failedAt?: string;
  /** Set when this entry is a replay that failed again: the position it was replayed from. */
  replayOf?: string;
  /** Set once this entry has been replayed. */
  replayed?: ReplayMarker;
  headers: Record<string, string>;
  /** Top-level keys of the JSON payload; values are never shown (they may be personal data). */
  payloadKeys?: string[];
  payloadBytes: number;
  message: KafkaMessage;
}

/** The record that a DLQ entry was replayed, kept in `<topic>.dlq.replayed` under the entry's position. */
export interface ReplayMarker {
  /** The entry's `dlq_failed_at`: a marker left by a deleted and recreated DLQ topic does not match. */
  failedAt?: string;
  replayedAt: string;
  /** Where the replay landed, `topic[partition]@offset`. */
  sentTo: string;
}

export type ReplayOutcome =
  { position: string; outcome: 'replayed'; sentTo: string } | { position: string; outcome: 'already-replayed'; replayedAt: string };

/** The topic replay markers of a DLQ topic are kept in (compacted: one marker per entry, kept). */
export function replayMarkerTopicOf(deadLetterTopic: string): string {
  return `${deadLetterTopic}.replayed`;
}

/**
 * The dead letters of one topic (`npm run dlq`): read, inspect, replay once.
 *
 * Replays are recorded in a compacted marker topic beside the DLQ rather than in a database:
 * the tool then needs only the broker, and the record lives and dies with the DLQ it
 * describes. The marker is written after the replay is sent; a crash in between can replay an
 * entry twice, which the consumers' inbox absorbs (same event id). A replayed event that fails
 * again is dead-lettered as a new entry carrying `dlq_replayed_from`; `--all` and an event id
 * skip such entries, so only an operator naming its position replays it: no loop.
 */
export class DeadLetterQueue {
  readonly topic: string;
  readonly deadLetterTopic: string;

  constructor(
    private readonly kafka: KafkaConnection,
    topic: string,
    private readonly clock: Clock,
  ) {
    this.topic = topic.replace(/\.dlq$/, '');
    this.deadLetterTopic = deadLetterTopicOf(this.topic);
  }

  async list(): Promise<DeadLetter[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    const topics = await admin.listTopics().finally(() => admin.disconnect());
    // Reading a topic that does not exist would retry until kafkajs gives up.
    if (!topics.includes(this.deadLetterTopic)) throw new Error(`no topic ${this.deadLetterTopic} on the broker`);
    const [records, markers] = await Promise.all([
      readTopicToEnd(this.kafka, this.deadLetterTopic, 'dlq-tool'),
      topics.includes(replayMarkerTopicOf(this.deadLetterTopic)) ? this.markers() : new Map<string, ReplayMarker>(),
    ]);
    return records.map(({ partition, message }) => {
      const entry = describe(this.topic, partition, message);
      const marker = markers.get(entry.position);
      return marker && marker.failedAt === entry.failedAt ? { ...entry, replayed: marker } : entry;
    });
  }

  /**
   * Entries by `partition:offset`, by bare offset (when one partition has it) or by event id.
   * With `firstFailuresOnly`, an event id leaves out failed replays (they are named by position).
   */
  async find(id: string, firstFailuresOnly = false): Promise<DeadLetter[]> {
    const entries = await this.list();
    if (/^\d+:\d+$/.test(id)) return entries.filter((entry) => entry.position === id);
    if (/^\d+$/.test(id)) {
      const found = entries.filter((entry) => entry.position.endsWith(`:${id}`));
      if (found.length > 1) {
        throw new Error(
          `offset ${id} is in several partitions (${found.map((entry) => entry.position).join(', ')}): give partition:offset`,
        );
      }
      return found;
    }
    return entries.filter((entry) => entry.eventId === id && !(firstFailuresOnly && entry.replayOf));
  }

  /** Republishes each entry not replayed yet to its original topic and records it. */
  async replay(entries: DeadLetter[]): Promise<ReplayOutcome[]> {
    const outcomes: ReplayOutcome[] = [];
    for (const entry of entries) {
      if (entry.replayed) {
        outcomes.push({ position: entry.position, outcome: 'already-replayed', replayedAt: entry.replayed.replayedAt });
        continue;
      }
      const producer = await this.kafka.producer();
      const [sent] = await producer.send({
        topic: entry.originalTopic,
        acks: -1,
        messages: [{ key: entry.message.key, value: entry.message.value, headers: replayHeaders(entry) }],
      });
      const sentTo = `${entry.originalTopic}[${sent!.partition}]@${sent!.baseOffset ?? '?'}`;
      await this.mark(entry, { failedAt: entry.failedAt, replayedAt: this.clock.now().toISOString(), sentTo });
      outcomes.push({ position: entry.position, outcome: 'replayed', sentTo });
    }
    return outcomes;
  }

  private async markers(): Promise<Map<string, ReplayMarker>> {
    const markers = new Map<string, ReplayMarker>();
    for (const { message } of await readTopicToEnd(this.kafka, replayMarkerTopicOf(this.deadLetterTopic), 'dlq-tool')) {
      const key = message.key?.toString();
      if (key && message.value) markers.set(key, JSON.parse(message.value.toString('utf8')) as ReplayMarker);
    }
    return markers;
  }

  private async mark(entry: DeadLetter, marker: ReplayMarker): Promise<void> {
    const topic = replayMarkerTopicOf(this.deadLetterTopic);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      if (!(await admin.listTopics()).includes(topic)) {
        const { topics } = await admin.fetchTopicMetadata({ topics: [this.deadLetterTopic] });
        await admin.createTopics({
          waitForLeaders: true,
          topics: [
            {
              topic,
              numPartitions: 1,
              replicationFactor: topics[0]?.partitions[0]?.replicas.length ?? 1,
              configEntries: [{ name: 'cleanup.policy', value: 'compact' }],
            },
          ],
        });
      }
    } finally {
      await admin.disconnect();
    }
    const producer = await this.kafka.producer();
    await producer.send({ topic, acks: -1, messages: [{ key: entry.position, value: JSON.stringify(marker) }] });
  }
}

/** The original headers without the DLQ's, plus where the replay came from. */
function replayHeaders(entry: DeadLetter): IHeaders {
  const headers: IHeaders = {};
  for (const [name, value] of Object.entries(entry.message.headers ?? {})) {
    if (!name.startsWith('dlq_') && value !== undefined) headers[name] = value;
  }
  headers[ReplayedFromHeader] = entry.position;
  return headers;
}

function describe(topic: string, partition: number, message: KafkaMessage): DeadLetter {
  const headers: Record<string, string> = {};
  for (const name of Object.keys(message.headers ?? {})) {
    const value = headerValue(message.headers, name);
    if (value !== undefined) headers[name] = value;
  }
  let payloadKeys: string[] | undefined;
  try {
    const data: unknown = JSON.parse(message.value?.toString('utf8') ?? '');
    if (data !== null && typeof data === 'object' && !Array.isArray(data)) payloadKeys = Object.keys(data);
  } catch {
    // A value that is not JSON is why some messages are here; its size is all that is shown.
  }
  return {
    position: `${partition}:${message.offset}`,
    eventId: headers.ce_id,
    eventType: headers.ce_type,
    subject: headers.ce_subject,
    reason: headers.dlq_reason ?? '(no dlq_reason header)',
    originalTopic: headers.dlq_original_topic ?? topic,
    originalPartition: headers.dlq_original_partition,
    originalOffset: headers.dlq_original_offset,
    consumerGroup: headers.dlq_consumer_group,
    attempts: headers.dlq_attempts,
    failedAt: headers.dlq_failed_at,
    replayOf: headers[ReplayedFromHeader],
    headers,
    payloadKeys,
    payloadBytes: message.value?.length ?? 0,
    message,
  };
}
