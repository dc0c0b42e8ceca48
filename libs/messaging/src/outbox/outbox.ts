import type { EntityManager } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';
import { dataSchemaOf } from '#contracts';
import type { PendingEvent } from '#domain';
import { Correlation, eventCreated } from '#observability';
import { headersOf, type CloudEventAttributes } from '../envelope.js';

/**
 * Writes events to the service's outbox table with the caller's transaction manager, so
 * they commit with the state change or not at all. Never publishes to Kafka itself.
 */
export class Outbox {
  constructor(
    private readonly schema: string,
    private readonly source: string,
  ) {}

  /**
   * One statement for all the events, in their order (`position` follows it). `now` is the
   * service's clock time of the change: the events' CloudEvents `time`.
   */
  async append(manager: EntityManager, events: PendingEvent[], now: Date): Promise<string[]> {
    if (events.length === 0) return [];
    const rows = events.map(({ contract, aggregateId, payload }) => {
      const id = uuidv7();
      const attributes: CloudEventAttributes = {
        specversion: '1.0',
        id,
        source: this.source,
        type: contract.type,
        time: now.toISOString(),
        subject: `${contract.aggregateType}/${aggregateId}`,
        dataschema: dataSchemaOf(contract.type),
        correlationid: Correlation.current(),
      };
      return {
        id,
        aggregateType: contract.aggregateType,
        aggregateId,
        type: contract.type,
        payload: JSON.stringify(payload),
        topic: contract.topic,
        // The W3C trace context travels with the row: the relay publishes it later, from another context.
        headers: JSON.stringify({ ...headersOf(attributes), ...eventCreated({ topic: contract.topic, id, type: contract.type }) }),
      };
    });
    await manager.query(
      `INSERT INTO "${this.schema}".outbox (id, aggregatetype, aggregateid, type, payload, topic, headers)
       SELECT id, aggregatetype, aggregateid, type, payload::jsonb, topic, headers::jsonb
       FROM unnest($1::uuid[], $2::varchar[], $3::varchar[], $4::varchar[], $5::text[], $6::varchar[], $7::text[])
         WITH ORDINALITY AS event (id, aggregatetype, aggregateid, type, payload, topic, headers, n)
       ORDER BY n`,
      [
        rows.map((row) => row.id),
        rows.map((row) => row.aggregateType),
        rows.map((row) => row.aggregateId),
        rows.map((row) => row.type),
        rows.map((row) => row.payload),
        rows.map((row) => row.topic),
        rows.map((row) => row.headers),
      ],
    );
    return rows.map((row) => row.id);
  }
}
