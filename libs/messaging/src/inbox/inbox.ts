import type { EntityManager } from 'typeorm';

/**
 * Records that a consumer group handled an event, in the transaction of its effect.
 * A redelivered event finds its row and has no second effect.
 */
export class Inbox {
  constructor(private readonly schema: string) {}

  /** True when the event is new for this group; false when it was already processed. */
  async claim(manager: EntityManager, consumerGroup: string, eventId: string, eventType: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO "${this.schema}".inbox (consumer_group, event_id, event_type) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING event_id`,
      [consumerGroup, eventId, eventType],
    );
    return rows.length === 1;
  }
}
