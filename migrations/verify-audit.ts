// npm run audit:verify — walks each service's audit chain and reports the first broken link (exit 1 if any).
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '#database';
import incidentIntake from './incident-intake/data-source.js';
import investigationTracking from './investigation-tracking/data-source.js';

const trails: [string, DataSource][] = [
  ['intake', incidentIntake],
  ['investigation', investigationTracking],
];

let broken = false;
for (const [schema, dataSource] of trails) {
  await dataSource.initialize();
  try {
    const result = await new AuditTrail(schema).verify(dataSource.manager);
    if (result.firstBroken) {
      broken = true;
      console.log(
        `${schema}: BROKEN at entry ${result.firstBroken.sequence} (${result.firstBroken.reason}); ${result.entries} entries before it hold`,
      );
    } else {
      console.log(`${schema}: ${result.entries} entries, chain intact`);
    }
  } finally {
    await dataSource.destroy();
  }
}
process.exit(broken ? 1 : 0);
