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

  /** `now` is the service's clock time of the change: the events' CloudEvents `time`. */
  async append(manager: EntityManager, events: PendingEvent[], now: Date): Promise<string[]> {
    const ids: string[] = [];
    for (const { contract, aggregateId, payload } of events) {
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
      await manager.query(
        `INSERT INTO "${this.schema}".outbox (id, aggregatetype, aggregateid, type, payload, topic, headers)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          id,
          contract.aggregateType,
          aggregateId,
          contract.type,
          JSON.stringify(payload),
          contract.topic,
          // The W3C trace context travels with the row: the relay publishes it later, from another context.
          JSON.stringify({ ...headersOf(attributes), ...eventCreated({ topic: contract.topic, id, type: contract.type }) }),
        ],
      );
      ids.push(id);
    }
    return ids;
  }
}
