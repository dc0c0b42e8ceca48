import type { DataSource } from 'typeorm';
import type { ParkedRow } from './outbox-relay.js';

/** A parked outbox row as an operator sees it. */
export interface ParkedOutboxEntry extends Omit<ParkedRow, 'schema'> {
  parkedAt: Date;
  /** Rows of the same aggregate held behind this one. */
  held: number;
}

/**
 * Operations on the parked rows of one service schema (`npm run outbox`). Retry puts a row
 * back in the relay's queue with fresh attempts; discard gives it up for good, which
 * releases its aggregate's later rows. Neither touches a row that is not parked.
 */
export class ParkedOutbox {
  constructor(
    private readonly dataSource: DataSource,
    readonly schema: string,
  ) {}

  async list(): Promise<ParkedOutboxEntry[]> {
    const rows: (Omit<ParkedOutboxEntry, 'parkedAt'> & { parked_at: Date })[] = await this.dataSource.query(
      `SELECT p.id, p.aggregatetype, p.aggregateid, p.type, p.topic, p.publish_attempts AS attempts, p.parked_reason AS reason,
              p.parked_at,
              (SELECT count(*)::int FROM "${this.schema}".outbox later
               WHERE later.aggregatetype = p.aggregatetype AND later.aggregateid = p.aggregateid
                 AND later.published_at IS NULL AND later.parked_at IS NULL AND later.position > p.position) AS held
       FROM "${this.schema}".outbox p
       WHERE p.parked_at IS NOT NULL AND p.discarded_at IS NULL AND p.published_at IS NULL
       ORDER BY p.position`,
    );
    return rows.map(({ parked_at, ...row }) => ({ ...row, parkedAt: parked_at }));
  }

  /** Unparks the given rows (all parked rows when `ids` is empty); returns the ids unparked. */
  async retry(ids: string[] = []): Promise<string[]> {
    // TypeORM answers an UPDATE with [rows, count].
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE "${this.schema}".outbox SET parked_at = NULL, parked_reason = NULL, publish_attempts = 0
       WHERE parked_at IS NOT NULL AND discarded_at IS NULL AND published_at IS NULL
         AND (cardinality($1::uuid[]) = 0 OR id = ANY($1::uuid[]))
       RETURNING id`,
      [ids],
    );
    // Wake the relays now rather than at their next poll.
    if (rows.length > 0) await this.dataSource.query(`SELECT pg_notify($1, '')`, [`${this.schema}_outbox`]);
    return rows.map((row) => row.id);
  }

  /** Gives up the given parked rows; they stay in the table, unpublished, for the record. */
  async discard(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const [rows]: [{ id: string }[], number] = await this.dataSource.query(
      `UPDATE "${this.schema}".outbox SET discarded_at = now()
       WHERE parked_at IS NOT NULL AND discarded_at IS NULL AND published_at IS NULL AND id = ANY($1::uuid[])
       RETURNING id`,
      [ids],
    );
    if (rows.length > 0) await this.dataSource.query(`SELECT pg_notify($1, '')`, [`${this.schema}_outbox`]);
    return rows.map((row) => row.id);
  }
}
