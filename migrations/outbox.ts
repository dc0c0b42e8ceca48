// npm run outbox -- list | retry [id…] | discard id… — the parked outbox rows of every service schema.
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { ParkedOutbox, type ParkedOutboxEntry } from '#messaging';
import councilReporting from './council-reporting/data-source.js';
import incidentIntake from './incident-intake/data-source.js';
import investigationTracking from './investigation-tracking/data-source.js';

/** One line per parked row: where it is, what it is, why it was parked, and what waits behind it. */
export function describeParked(schema: string, entry: ParkedOutboxEntry): string {
  return [
    `${schema} ${entry.id}`,
    `${entry.type} -> ${entry.topic}`,
    `${entry.aggregatetype}/${entry.aggregateid}`,
    `parked ${entry.parkedAt.toISOString()} after ${entry.attempts} attempts: ${entry.reason}`,
    `${entry.held} later event(s) held`,
  ].join(' | ');
}

/** Runs one command against each service's parked rows; ids that are not parked are ignored. */
export async function runOutboxCommand(
  stores: ParkedOutbox[],
  command: string,
  ids: string[],
  log: (line: string) => void = console.log,
): Promise<number> {
  let touched = 0;
  for (const store of stores) {
    if (command === 'list') {
      const entries = await store.list();
      entries.forEach((entry) => log(describeParked(store.schema, entry)));
      touched += entries.length;
    } else if (command === 'retry' || command === 'discard') {
      const done = command === 'retry' ? await store.retry(ids) : await store.discard(ids);
      done.forEach((id) => log(`${store.schema} ${id}: ${command === 'retry' ? 'queued again' : 'discarded'}`));
      touched += done.length;
    } else {
      throw new Error(`unknown command '${command}': use list, retry [id…] or discard id…`);
    }
  }
  if (command === 'list' && touched === 0) log('no parked outbox rows');
  return touched;
}

if (process.argv[1]?.endsWith('outbox.js')) {
  const [command = 'list', ...ids] = process.argv.slice(2);
  const services: [DataSource, string][] = [
    [incidentIntake, 'intake'],
    [investigationTracking, 'investigation'],
    [councilReporting, 'reporting'],
  ];
  try {
    if (command === 'discard' && ids.length === 0) throw new Error('discard needs the ids of the rows to give up');
    await Promise.all(services.map(([dataSource]) => dataSource.initialize()));
    await runOutboxCommand(
      services.map(([dataSource, schema]) => new ParkedOutbox(dataSource, schema)),
      command,
      ids,
    );
  } catch (error) {
    console.error(`outbox ${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await Promise.all(services.filter(([dataSource]) => dataSource.isInitialized).map(([dataSource]) => dataSource.destroy()));
  }
}
