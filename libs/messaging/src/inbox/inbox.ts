import type { EntityManager } from 'typeorm';

/**
 * Records that a consumer group handled an event, in the transaction of its effect.
 * A redelivered event finds its row and has no second effect.
 */
export class Inbox {
  constructor(private readonly schema: string) {}

  /** The ids among `events` that are new for this group, claimed in one statement; the others were processed before. */
  async claim(manager: EntityManager, consumerGroup: string, events: readonly { id: string; type: string }[]): Promise<Set<string>> {
    if (events.length === 0) return new Set();
    const rows: { event_id: string }[] = await manager.query(
      `INSERT INTO "${this.schema}".inbox (consumer_group, event_id, event_type)
       SELECT $1, * FROM unnest($2::varchar[], $3::varchar[])
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumerGroup, events.map((event) => event.id), events.map((event) => event.type)],
    );
    return new Set(rows.map((row) => row.event_id));
  }
}
