import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work in one database transaction that nested calls join. A Kafka consumer opens it
 * to record its inbox entry; the command handler it calls then writes the aggregate and
 * the outbox rows in the same transaction, so all three commit or none does.
 */
export class Transactions {
  private readonly storage = new AsyncLocalStorage<EntityManager>();
  /** Numbers savepoint names; never reused, so the names are unique within every transaction. */
  private savepoints = 0;

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

  /**
   * Runs work under a savepoint of the transaction in progress, which must have been opened by
   * `run`: when work fails, its writes alone are rolled back and its error is rethrown; the
   * transaction stays usable and its other writes still commit. Savepoints may nest.
   */
  async savepoint<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const manager = this.storage.getStore();
    if (!manager) throw new Error('Transactions.savepoint() runs only inside Transactions.run()');
    const name = `sp_${++this.savepoints}`;
    await manager.query(`SAVEPOINT ${name}`);
    let result: T;
    try {
      result = await work(manager);
    } catch (error) {
      // Should this fail too (the connection lost), its error is the one the transaction's owner must see.
      await manager.query(`ROLLBACK TO SAVEPOINT ${name}`);
      throw error;
    }
    await manager.query(`RELEASE SAVEPOINT ${name}`);
    return result;
  }

  /** The manager of the transaction in progress, or the plain one outside a transaction (reads). */
  manager(): EntityManager {
    return this.storage.getStore() ?? this.dataSource.manager;
  }
}
