import type { DataSource, EntityManager } from 'typeorm';
import type { KafkaConnection } from '#messaging';
import {
  createProjectionSchemaLike,
  LiveProjectionSchema,
  ProjectionTables,
  projectionTable,
} from '../infrastructure/projection-tables.js';
import type { ReadModels } from '../infrastructure/read-models.js';
import {
  replayTargetOf,
  TopicReplay,
  type ReplayPosition,
  type ReplayProgress,
  type ReplayTarget,
} from '../infrastructure/topic-replay.js';

/** The live read models, the schema a rebuild builds new ones in, and where the old ones go while they are swapped. */
export interface RebuildSchemas {
  live: string;
  rebuild: string;
  retired: string;
}

export const ReportingRebuildSchemas: RebuildSchemas = {
  live: LiveProjectionSchema,
  rebuild: 'reporting_rebuild',
  retired: 'reporting_retired',
};

export interface RebuildOptions {
  schemas?: RebuildSchemas;
  /** The incident and case topics, unless a test gives its own. */
  topics?: readonly string[];
  eventsPerTransaction?: number;
  onProgress?: (progress: Readonly<ReplayProgress>) => void;
  /** Runs in the swap transaction once the live positions are locked; tests hold the swap there. */
  whileLocked?: () => Promise<void>;
}

export interface RebuildOutcome {
  progress: ReplayProgress;
  /** The end of the topics when the rebuild started: everything below was replayed. */
  endOffsets: ReplayTarget;
  /** The live positions the rebuild caught up with, the live consumer held, before the swap. */
  livePositions: ReplayTarget;
  /** The schema the rebuilt read models are now live in. */
  swappedInto: string;
  seconds: number;
}

/**
 * Rebuilds the read models from the topics from offset zero and swaps them in for the live ones
 * (ARCHITECTURE §4). The new tables copy the live ones' structure, whatever migrations did to
 * it, but not their grants. The swap is one transaction: it locks the live positions, which
 * holds the live consumer at its next event; catches up with them; moves the live tables out and
 * the rebuilt ones in; and commits. The held consumer then resolves the table names again and
 * writes into the new tables, whose positions keep it from applying an event twice. A rebuild
 * that fails before that commit leaves the live read models as they were.
 */
export async function rebuildReadModels(
  dataSource: DataSource,
  kafka: KafkaConnection,
  readModels: ReadModels,
  options: RebuildOptions = {},
): Promise<RebuildOutcome> {
  const started = performance.now();
  const schemas = options.schemas ?? ReportingRebuildSchemas;
  const { live, rebuild, retired } = schemas;
  // Refuses names that are not plain identifiers, before they are written into DDL.
  for (const schema of [live, rebuild, retired]) projectionTable(schema, 'projection_position');
  const guard = dataSource.createQueryRunner();
  await guard.connect();
  try {
    // Two rebuilds at once would drop each other's tables.
    const [{ locked }] = (await guard.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [rebuildLock(live)])) as {
      locked: boolean;
    }[];
    if (!locked) throw new Error(`another rebuild of the read models in "${live}" is running`);
    try {
      const replayed = await replayAndSwap(dataSource, kafka, readModels, schemas, options);
      try {
        await dataSource.query(`DROP SCHEMA "${retired}" CASCADE`);
        await dataSource.query(`DROP SCHEMA "${rebuild}" CASCADE`);
      } catch (error) {
        const leftOver = `the rebuilt read models are live in "${live}", but dropping "${retired}" and "${rebuild}" failed`;
        throw new Error(`${leftOver}: ${messageOf(error)}`, { cause: error });
      }
      return { ...replayed, swappedInto: live, seconds: (performance.now() - started) / 1000 };
    } finally {
      await guard.query('SELECT pg_advisory_unlock(hashtext($1))', [rebuildLock(live)]);
    }
  } finally {
    await guard.release();
  }
}

async function replayAndSwap(
  dataSource: DataSource,
  kafka: KafkaConnection,
  readModels: ReadModels,
  { live, rebuild, retired }: RebuildSchemas,
  options: RebuildOptions,
): Promise<Pick<RebuildOutcome, 'progress' | 'endOffsets' | 'livePositions'>> {
  await dataSource.transaction(async (manager) => {
    // Left by a rebuild whose swap committed: nothing reads it any more.
    await manager.query(`DROP SCHEMA IF EXISTS "${retired}" CASCADE`);
    await createProjectionSchemaLike(manager, live, rebuild);
  });
  const replay = new TopicReplay(kafka, dataSource, readModels, {
    schema: rebuild,
    topics: options.topics,
    eventsPerTransaction: options.eventsPerTransaction,
    onProgress: options.onProgress,
  });
  try {
    const endOffsets = await replay.endOffsets();
    await replay.replayTo(endOffsets);
    const livePositions = await dataSource.transaction(async (manager) => {
      // The live consumer's first statement on an event touches this table: it waits here.
      await manager.query(`LOCK TABLE ${projectionTable(live, 'projection_position')} IN ACCESS EXCLUSIVE MODE`);
      await options.whileLocked?.();
      const positions = replayTargetOf(await positionsIn(manager, live));
      // The live consumer went on during the replay; what it applied must be in the new tables.
      await replay.replayTo(positions);
      await manager.query(`CREATE SCHEMA "${retired}"`);
      for (const table of ProjectionTables) await manager.query(`ALTER TABLE ${projectionTable(live, table)} SET SCHEMA "${retired}"`);
      for (const table of ProjectionTables) await manager.query(`ALTER TABLE ${projectionTable(rebuild, table)} SET SCHEMA "${live}"`);
      return positions;
    });
    return { progress: replay.progress, endOffsets, livePositions };
  } catch (error) {
    // Stopped first, so that no replay transaction still writes into what is dropped.
    await replay.close().catch(() => undefined);
    await dataSource.query(`DROP SCHEMA IF EXISTS "${rebuild}" CASCADE`).catch(() => undefined);
    throw new Error(`${messageOf(error)}; the live read models are unchanged`, { cause: error });
  } finally {
    // A replay group left behind holds no offsets: not worth failing a rebuild that is done.
    await replay.close().catch(() => undefined);
  }
}

function positionsIn(manager: EntityManager, schema: string): Promise<ReplayPosition[]> {
  return manager.query(
    `SELECT topic, partition, next_offset::text AS "nextOffset" FROM ${projectionTable(schema, 'projection_position')}`,
  ) as Promise<ReplayPosition[]>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function rebuildLock(live: string): string {
  return `council-reporting read model rebuild of ${live}`;
}
