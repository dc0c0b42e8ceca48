import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one database transaction that nested calls join. A Kafka consumer opens it
 * to record its inbox entry; the command handler it calls then writes the aggregate and
 * the outbox rows in the same transaction, so all three commit or none does.
 */
export class Transactions {
  private readonly storage = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  /** `isolation` applies when this call starts the transaction, e.g. one snapshot for several reads. */
  run<T>(work: (manager: EntityManager) => Promise<T>, isolation?: 'REPEATABLE READ' | 'SERIALIZABLE'): Promise<T> {
    const current = this.storage.getStore();
    if (current) return work(current);
    const inTransaction = (manager: EntityManager) => this.storage.run(manager, () => work(manager));
    return isolation ? this.dataSource.transaction(isolation, inTransaction) : this.dataSource.transaction(inTransaction);
  }

  /**
   * Runs work in a transaction of its own even inside another: for records that must outlive
   * the caller's rollback, such as an audit entry of a refused access.
   */
  runAlone<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => this.storage.run(manager, () => work(manager)));
  }

  /** The manager of the transaction in progress, or the plain one outside a transaction (reads). */
  manager(): EntityManager {
    return this.storage.getStore() ?? this.dataSource.manager;
  }
}
