import type { EntityManager } from 'typeorm';
import type { EventContract } from '#contracts';
import type { CloudEvent } from '#messaging';
import { projectionTable, type ProjectionTable } from './projection-tables.js';

/** Where a projection writes: a transaction, and the schema of the live tables or of a rebuild. */
export class ProjectionTarget {
  constructor(
    readonly manager: EntityManager,
    readonly schema: string,
  ) {}

  table(name: ProjectionTable): string {
    return projectionTable(this.schema, name);
  }

  query<T = unknown>(sql: string, parameters: unknown[]): Promise<T> {
    return this.manager.query(sql, parameters) as Promise<T>;
  }
}

/** A read model, and the event types it folds in. */
export interface Projection {
  readonly contracts: readonly EventContract<object>[];
  /** Folds in events of its types, in the order given; a projection may write several at once. */
  project(target: ProjectionTarget, events: readonly CloudEvent<object>[]): Promise<void>;
}
