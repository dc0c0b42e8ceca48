// npm run protected-data:rotate — re-seals, under each service's current key, the protected data still sealed under an older one.
import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { loadEnv } from '#config';
import { protectedDataKeyringOf, type KeyRotationResult, type SealedJsonStore } from '#database';
import { IncidentIntakeEnv, incidentIntakeDefaults } from '../apps/incident-intake/src/incident-intake.env.js';
import { ProtectedDataRepository } from '../apps/incident-intake/src/incidents/infrastructure/protected-data.repository.js';
import { CaseProtectedDataRepository } from '../apps/investigation-tracking/src/cases/infrastructure/case-protected-data.repository.js';
import { InvestigationTrackingEnv, investigationTrackingDefaults } from '../apps/investigation-tracking/src/investigation-tracking.env.js';
import incidentIntake from './incident-intake/data-source.js';
import investigationTracking from './investigation-tracking/data-source.js';

/** A table of sealed rows and the initialised DataSource it lives in. */
export interface RotationTarget {
  dataSource: DataSource;
  store: SealedJsonStore<unknown>;
}

/** One line of the report: what was re-sealed, what is left and why. */
export function describeRotation(result: KeyRotationResult): string {
  const unknown = Object.entries(result.unknownKeys).map(([keyId, rows]) => `${rows} under key id '${keyId}'`);
  return [
    `${result.table}: ${result.rotated} rotated to key '${result.currentKeyId}'`,
    `${result.remaining} left under older keys${result.remaining > 0 ? ' (locked during the pass: run again)' : ''}`,
    ...(unknown.length > 0 ? [`NOT IN THE KEYRING: ${unknown.join(', ')}`] : []),
  ].join(', ');
}

/** Rotates each target in turn, in batches of `batchSize` rows a transaction, and logs one line per table. */
export async function rotateProtectedData(
  targets: RotationTarget[],
  log: (line: string) => void = console.log,
  batchSize = 200,
): Promise<KeyRotationResult[]> {
  const results: KeyRotationResult[] = [];
  for (const { dataSource, store } of targets) {
    const result = await store.rotate(dataSource, batchSize);
    log(describeRotation(result));
    results.push(result);
  }
  return results;
}

if (process.argv[1]?.endsWith('rotate-protected-data.js')) {
  // Each service's keyring from its own validated configuration, as its data source is.
  const intakeKeyring = protectedDataKeyringOf(loadEnv('incident-intake', IncidentIntakeEnv, process.env, incidentIntakeDefaults));
  const investigationKeyring = protectedDataKeyringOf(
    loadEnv('investigation-tracking', InvestigationTrackingEnv, process.env, investigationTrackingDefaults),
  );
  const dataSources = [incidentIntake, investigationTracking];
  try {
    await Promise.all(dataSources.map((dataSource) => dataSource.initialize()));
    const results = await rotateProtectedData([
      { dataSource: incidentIntake, store: new ProtectedDataRepository(intakeKeyring) },
      { dataSource: investigationTracking, store: new CaseProtectedDataRepository(investigationKeyring) },
    ]);
    process.exitCode = results.some((result) => Object.keys(result.unknownKeys).length > 0) ? 1 : 0;
  } catch (error) {
    console.error(`Key rotation failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await Promise.all(dataSources.filter((dataSource) => dataSource.isInitialized).map((dataSource) => dataSource.destroy()));
  }
}
