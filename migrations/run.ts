// npm run migrate (apply every service's pending migrations) | npm run migrate:revert (undo each service's last one)
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import councilReporting from './council-reporting/data-source.js';
import incidentIntake from './incident-intake/data-source.js';
import investigationTracking from './investigation-tracking/data-source.js';

const services: [string, DataSource][] = [
  ['incident-intake', incidentIntake],
  ['investigation-tracking', investigationTracking],
  ['council-reporting', councilReporting],
];

export async function migrateAll(direction: 'up' | 'down', log: (line: string) => void = console.log): Promise<void> {
  const ordered = direction === 'up' ? services : [...services].reverse();
  for (const [name, dataSource] of ordered) {
    await dataSource.initialize();
    try {
      if (direction === 'up') {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        log(`${name}: ${applied.length ? applied.map((migration) => migration.name).join(', ') : 'up to date'}`);
      } else {
        await dataSource.undoLastMigration({ transaction: 'each' });
        log(`${name}: reverted its last migration`);
      }
    } finally {
      await dataSource.destroy();
    }
  }
}

if (process.argv[1]?.endsWith('run.js')) {
  const direction = process.argv[2] === 'down' ? 'down' : 'up';
  try {
    await migrateAll(direction);
  } catch (error) {
    console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
