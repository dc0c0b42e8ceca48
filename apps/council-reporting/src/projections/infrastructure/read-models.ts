import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventContract } from '#contracts';
import type { CloudEvent, MessageSource } from '#messaging';
import { CaseProjection } from './case-projection.js';
import { IncidentProjection } from './incident-projection.js';
import { ProjectionTarget, type Projection } from './projection.js';

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

  /** Applies the event unless the schema's projections are past it; true when applied. */
  async apply(manager: EntityManager, schema: string, event: CloudEvent<object>, source: MessageSource): Promise<boolean> {
    const target = new ProjectionTarget(manager, schema);
    const position = target.table('projection_position');
    await target.query(`INSERT INTO ${position} (topic, partition, next_offset) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`, [
      source.topic,
      source.partition,
    ]);
    const [row] = await target.query<{ next_offset: string }[]>(
      `SELECT next_offset FROM ${position} WHERE topic = $1 AND partition = $2 FOR UPDATE`,
      [source.topic, source.partition],
    );
    if (BigInt(source.offset) < BigInt(row!.next_offset)) return false;
    await this.byType.get(event.type)?.project(target, event);
    await target.query(`UPDATE ${position} SET next_offset = $3 WHERE topic = $1 AND partition = $2`, [
      source.topic,
      source.partition,
      (BigInt(source.offset) + 1n).toString(),
    ]);
    return true;
  }
}

function unique<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index;
}
