import { Topics } from '#contracts';
import { KafkaConnection, toolKafkaCredentials } from '#messaging';
import { eventually } from '../support/eventually.js';
import { SystemUnderLoad } from './system-under-load.js';

const LOAD = { posters: 2, postedAtLeast: 900, importedAtLeast: 4000, importFileRows: 500 };
const PARTITIONS = 12;
const CONSUMERS = ['investigation-tracking', 'council-reporting'];
const INSTANCES = 3;

describe('scale-out: three instances of each consumer service share the work, and one killed mid-load loses nothing', () => {
  const system = new SystemUnderLoad();
  const kafka = new KafkaConnection({
    clientId: 'scale-out-check',
    brokers: process.env.KAFKA_BROKERS!.split(','),
    credentials: toolKafkaCredentials(),
  });
  const admin = kafka.admin();

  beforeAll(async () => {
    await system.prepare({ KAFKA_TOPIC_PARTITIONS: String(PARTITIONS) });
    await system.start('incident-intake');
    for (const service of CONSUMERS) for (let instance = 1; instance <= INSTANCES; instance++) await system.start(`${service}#${instance}`);
    await admin.connect();
  });

  afterAll(async () => {
    await admin.disconnect();
    await kafka.close();
    await system.close();
  });

  it(
    'gives every incident exactly one case and counts each once, with no duplicate effect and no lost event',
    async () => {
      const metadata = await admin.fetchTopicMetadata({ topics: [Topics.incidents, Topics.cases] });
      expect(metadata.topics.map(({ partitions }) => partitions.length)).toEqual([PARTITIONS, PARTITIONS]);
      for (const service of CONSUMERS)
        await eventually(async () => expect(await membersOf(service)).toBe(INSTANCES), { timeoutMs: 60_000 });

      const step = Math.floor(LOAD.postedAtLeast / 4);
      await system.run(
        LOAD,
        (async () => {
          await system.progress(step);
          if (system.stopped) return;
          await Promise.all(CONSUMERS.map((service) => system.kill(`${service}#2`)));
          await system.progress(system.verified.length + step);
          if (system.stopped) return;
          for (const service of CONSUMERS) await system.start(`${service}#2`);
          await system.progress(system.verified.length + step);
        })(),
      );
      await system.expectEverythingOnce();
      // The killed members leave the groups when their sessions time out; the restarted ones stay.
      for (const service of CONSUMERS)
        await eventually(async () => expect(await membersOf(service)).toBe(INSTANCES), { timeoutMs: 60_000 });
      console.log(
        `scale-out run: ${system.verified.length} posted and verified, ${system.importedRows} imported, ${PARTITIONS} partitions`,
      );
    },
    // A guard against a hang, not a speed target.
    1_200_000,
  );

  async function membersOf(groupId: string): Promise<number> {
    const { groups } = await admin.describeGroups([groupId]);
    return groups[0].members.length;
  }
});
