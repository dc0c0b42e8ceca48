import { killFaultsBroker, faultsBroker, postgresCluster } from './faults-broker.js';
import { median, summary, SystemUnderLoad } from './system-under-load.js';

const LOAD = { posters: 2, postedAtLeast: 600, importedAtLeast: 4400, importFileRows: 500 };
const PROBES = 15;

describe('the whole system under faults: broker, consumers and PostgreSQL killed during a load of about 5,000 incidents', () => {
  const system = new SystemUnderLoad();
  const faults: string[] = [];

  beforeAll(async () => {
    await system.prepare();
    for (const service of ['incident-intake', 'investigation-tracking', 'council-reporting']) await system.start(service);
  });

  afterAll(async () => system.close());

  it(
    'loses nothing, counts everything once, and is as fast afterwards as before',
    async () => {
      const before = await system.caseLatencies(PROBES);
      await system.run(LOAD, injectFaults());
      await system.expectEverythingOnce();
      const after = await system.caseLatencies(PROBES);

      const report = {
        faults,
        incidents: { posted: system.verified.length, imported: system.importedRows, counted: await system.incidentsCounted() },
        responses: Object.fromEntries(system.statuses),
        caseVisibleMs: { before: summary(before), after: summary(after) },
      };
      console.log(`fault-injection run\n${JSON.stringify(report, null, 2)}`);
      // The relay's fallback poll is 5 s: a LISTEN left unarmed would put the median in seconds.
      // The slack absorbs a shared machine's scheduling noise around a median of tens of ms.
      expect(median(after)).toBeLessThanOrEqual(Math.max(2 * median(before), median(before) + 200));
    },
    // A guard against a hang, not a speed target: the load and its recovery take a few minutes.
    1_200_000,
  );

  /** Faults one after another, each once the load has moved on since the last, so each lands under load. */
  async function injectFaults(): Promise<void> {
    const step = Math.floor(LOAD.postedAtLeast / 6);

    await system.progress(step);
    if (system.stopped) return;
    fault('broker killed (SIGKILL)');
    killFaultsBroker();
    await pause(5_000);
    faultsBroker('up');
    fault('broker restarted');

    for (const service of ['investigation-tracking', 'council-reporting']) {
      await system.progress(system.verified.length + step);
      if (system.stopped) return;
      fault(`${service} killed (SIGKILL)`);
      await system.kill(service);
      await system.start(service);
      fault(`${service} restarted`);
    }

    await system.progress(system.verified.length + step);
    if (system.stopped) return;
    fault('PostgreSQL stopped');
    postgresCluster('stop');
    await pause(15_000);
    postgresCluster('start');
    fault('PostgreSQL started');
    await system.progress(system.verified.length + step);
  }

  function fault(what: string): void {
    const line = `${new Date().toISOString().slice(11, 19)} ${what} (${system.verified.length} posted, ${system.importedRows} imported)`;
    faults.push(line);
    process.stderr.write(`[faults] ${line}\n`);
  }
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
