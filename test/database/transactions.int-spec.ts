import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { Transactions } from '#database';
import { openTestDataSource } from '../support/database.js';

/** Transactions.savepoint against the real database: what a failed savepoint leaves of its transaction. */
describe('a savepoint inside a transaction', () => {
  const table = `savepoint_spec_${randomUUID().slice(0, 8)}`;
  let dataSource: DataSource;
  let sut: Transactions;

  const insert = (value: string) => sut.manager().query(`INSERT INTO public.${table} (value) VALUES ($1)`, [value]);
  const committed = async (): Promise<string[]> =>
    (await dataSource.query(`SELECT value FROM public.${table} ORDER BY value`)).map(({ value }: { value: string }) => value);

  beforeAll(async () => {
    dataSource = await openTestDataSource('public');
    sut = new Transactions(dataSource);
    await dataSource.query(`CREATE TABLE public.${table} (value text PRIMARY KEY)`);
  });

  beforeEach(() => dataSource.query(`TRUNCATE public.${table}`));

  afterAll(async () => {
    await dataSource.query(`DROP TABLE public.${table}`);
    await dataSource.destroy();
  });

  it('undoes only its own writes when a statement in it fails, and the transaction goes on to commit', async () => {
    const failure = await sut.run(async () => {
      await insert('before');
      const failed = await sut
        .savepoint(async () => {
          await insert('in the failed savepoint');
          // A unique violation: without the savepoint the transaction would be aborted.
          await insert('before');
        })
        .catch((error: unknown) => error);
      await insert('after');
      return failed;
    });
    expect(failure).toMatchObject({ driverError: { code: '23505' } });
    expect(await committed()).toEqual(['after', 'before']);
  });

  it('rethrows what its work threw and keeps the writes of a savepoint that succeeded', async () => {
    const refused = new Error('refused by the work');
    await sut.run(async () => {
      await sut.savepoint(() => insert('kept'));
      await expect(
        sut.savepoint(async () => {
          await insert('undone');
          throw refused;
        }),
      ).rejects.toBe(refused);
    });
    expect(await committed()).toEqual(['kept']);
  });

  it('nests: a failed inner savepoint leaves the outer one and its writes in place', async () => {
    await sut.run(() =>
      sut.savepoint(async () => {
        await insert('outer');
        await sut
          .savepoint(async () => {
            await insert('inner');
            throw new Error('inner work failed');
          })
          .catch(() => undefined);
      }),
    );
    expect(await committed()).toEqual(['outer']);
  });

  it('is written with the transaction: nothing of it outlives a rollback of the whole', async () => {
    const failed = new Error('the transaction failed after its savepoint');
    await expect(
      sut.run(async () => {
        await sut.savepoint(() => insert('released'));
        throw failed;
      }),
    ).rejects.toBe(failed);
    expect(await committed()).toEqual([]);
  });

  it('is refused outside a transaction', async () => {
    await expect(sut.savepoint(() => insert('alone'))).rejects.toThrow('inside Transactions.run()');
    expect(await committed()).toEqual([]);
  });
});
