import type { EventContract } from '#contracts';

/** A fact an aggregate produced, waiting to be written to the outbox with the state change. */
export interface PendingEvent<TPayload extends object = object> {
  contract: EventContract<TPayload>;
  aggregateId: string;
  payload: TPayload;
}

/** Collects the events of one state change; the handler saves them with the aggregate. */
export abstract class AggregateRoot {
  private pending: PendingEvent[] = [];

  protected record<TPayload extends object>(contract: EventContract<TPayload>, aggregateId: string, payload: TPayload): void {
    this.pending.push({ contract, aggregateId, payload });
  }

  /** Returns the recorded events and forgets them, so they are written exactly once. */
  pullEvents(): PendingEvent[] {
    const events = this.pending;
    this.pending = [];
    return events;
  }
}
