// council-reporting's rebuild from offset zero, against a bare kafkajs eachBatch consumer that
// reads the same topics and does nothing.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { benchDatabaseUrl, benchBrokers, benchKafka, root } from '../support/bench-system.js';

export interface RebuildRun {
  events: number;
  eventsPerSecond: number;
  topics: string[];
}

/** `npm run reporting:rebuild` on the bench's database and broker; events applied per second, as it reports them. */
export async function rebuildReadModels(): Promise<RebuildRun> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [join(root, 'dist/apps/council-reporting/src/projections/rebuild-read-models.cli.js')],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: benchDatabaseUrl, KAFKA_BROKERS: benchBrokers, LOG_LEVEL: 'warn' },
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const outcome = /Rebuilt in ([\d.]+) s: (.*) applied;/.exec(stdout);
  if (!outcome) throw new Error(`the rebuild did not report its outcome:\n${stdout}`);
  const applied = [...outcome[2].matchAll(/(\d+) from ([^\s,]+)/g)];
  const events = applied.reduce((sum, [, count]) => sum + Number(count), 0);
  return { events, eventsPerSecond: events / Number(outcome[1]), topics: applied.map(([, , topic]) => topic) };
}

/** Reads every message of `topics` from offset zero with eachBatch, doing nothing with them; messages per second. */
export async function rawConsume(topics: string[]): Promise<{ messages: number; perSecond: number }> {
  const kafka = benchKafka('bench-raw-consumer');
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, number>();
  for (const topic of topics)
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic))
      if (Number(high) > Number(low)) remaining.set(`${topic}/${partition}`, Number(high));
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `bench-raw-consumer-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  let messages = 0;
  const started = performance.now();
  let finished: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  if (remaining.size === 0) finished!();
  await consumer.run({
    eachBatch: async ({ batch }) => {
      messages += batch.messages.length;
      const key = `${batch.topic}/${batch.partition}`;
      if (remaining.has(key) && Number(batch.lastOffset()) + 1 >= remaining.get(key)!) remaining.delete(key);
      if (remaining.size === 0) finished();
    },
  });
  await done;
  const seconds = (performance.now() - started) / 1000;
  await kafka.close();
  return { messages, perSecond: messages / seconds };
}
