import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventContract } from '#contracts';
import type { CloudEvent } from '#messaging';
import { CaseProjection } from './case-projection.js';
import { IncidentProjection } from './incident-projection.js';
import { ProjectionTarget, type Projection } from './projection.js';

/** An event and its offset in the partition it was read from. */
export interface PositionedEvent {
  event: CloudEvent<object>;
  offset: string;
}

/**
 * Every read model of council-reporting, and the topic positions they have reached. An event
 * is applied at most once per schema: its offset must be at or past the partition's position,
 * which moves on in the same transaction. The positions are a report's watermark, and they
 * keep a rebuild swapped in under a running consumer from applying an event twice.
 */
@Injectable()
export class ReadModels {
  private readonly byType = new Map<string, Projection>();

  constructor(@Inject(IncidentProjection) incidents: IncidentProjection, @Inject(CaseProjection) cases: CaseProjection) {
    for (const projection of [incidents, cases]) for (const contract of projection.contracts) this.byType.set(contract.type, projection);
  }

  get contracts(): EventContract<object>[] {
    return [...this.byType.values()].flatMap((projection) => [...projection.contracts]).filter(unique);
  }

  /**
   * Applies, in order, the events of one partition at or past the schema's position in it, and
   * moves the position past the last of them: one lock and one move for the whole list. The
   * events must be in ascending offset order. Answers how many were applied.
   */
  async applyAll(
    manager: EntityManager,
    schema: string,
    topic: string,
    partition: number,
    events: readonly PositionedEvent[],
  ): Promise<number> {
    const offsets = events.map(({ offset }) => BigInt(offset));
    if (offsets.some((offset, index) => index > 0 && offset <= offsets[index - 1]!)) {
      throw new Error(`the events of ${topic} partition ${partition} are not in ascending offset order`);
    }
    if (events.length === 0) return 0;
    const target = new ProjectionTarget(manager, schema);
    const position = target.table('projection_position');
    await target.query(`INSERT INTO ${position} (topic, partition, next_offset) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`, [
      topic,
      partition,
    ]);
    const [row] = await target.query<{ next_offset: string }[]>(
      `SELECT next_offset FROM ${position} WHERE topic = $1 AND partition = $2 FOR UPDATE`,
      [topic, partition],
    );
    const next = BigInt(row!.next_offset);
    const fresh = events.filter((_, index) => offsets[index]! >= next);
    if (fresh.length === 0) return 0;
    // Events of one projection in a row go to it together, so that it may write them set-based.
    for (const run of this.runsOf(fresh)) await run.projection?.project(target, run.events);
    await target.query(`UPDATE ${position} SET next_offset = $3 WHERE topic = $1 AND partition = $2`, [
      topic,
      partition,
      (BigInt(fresh.at(-1)!.offset) + 1n).toString(),
    ]);
    return fresh.length;
  }

  /** The events in runs of one projection each, in their order; events no projection folds in have none. */
  private runsOf(events: readonly PositionedEvent[]): { projection?: Projection; events: CloudEvent<object>[] }[] {
    const runs: { projection?: Projection; events: CloudEvent<object>[] }[] = [];
    for (const { event } of events) {
      const projection = this.byType.get(event.type);
      const last = runs.at(-1);
      if (last && last.projection === projection) last.events.push(event);
      else runs.push({ projection, events: [event] });
    }
    return runs;
  }
}

function unique<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index;
}
