import type { DataSource } from 'typeorm';
import { Transactions } from '#database';
import type { Clock } from '#domain';
import { Outbox } from '#messaging';
import { MarkReportsOverdueCommand } from '../../apps/investigation-tracking/src/cases/application/mark-reports-overdue.command.js';
import { MarkReportsOverdueHandler } from '../../apps/investigation-tracking/src/cases/application/mark-reports-overdue.handler.js';
import { Case } from '../../apps/investigation-tracking/src/cases/domain/case.js';
import { CaseRepository } from '../../apps/investigation-tracking/src/cases/infrastructure/case.repository.js';
import { contextAt, openCaseFacts, testId } from '../factories/case.factory.js';
import { openTestDataSource } from '../support/database.js';

const CASES = 12;
/**
 * A fixed day after every due date below and long before any other test's: the claim looks
 * at the whole table, so only this test's dates may be missed on it. Today's date is never read.
 */
const clock: Clock = { now: () => new Date('1991-01-15T06:00:00Z') };

describe('overdue scheduler, two instances on one database', () => {
  const dataSources: DataSource[] = [];
  const caseIds: string[] = [];
  const repository = new CaseRepository();
  const outbox = new Outbox('investigation', '/accountability/investigation-tracking');

  beforeAll(async () => {
    dataSources.push(await openTestDataSource('investigation'), await openTestDataSource('investigation'));
    await dataSources[0].transaction(async (manager) => {
      for (let index = 0; index < CASES; index++) {
        const ctx = contextAt('1990-06-01T10:00:00Z');
        const seeded = Case.open(openCaseFacts({ id: testId(), reference: `CASE-1990-${String(900000 + index)}` }), ctx);
        seeded.requestInvestigation('SD', { requestedOn: '1990-06-01', channel: 'letter', addresseeAuthority: 'Ministry of Justice' }, ctx);
        // Half the States acknowledged in time: their cases miss one date (the first report), the others two.
        if (index % 2 === 0) seeded.acknowledge('SD', '1990-06-20', contextAt('1990-06-20T10:00:00Z'));
        await repository.insert(manager, seeded);
        caseIds.push(seeded.id);
      }
    });
  });

  afterAll(async () => {
    // Remove what the test made, so no relay publishes these events later.
    await dataSources[0].query(`DELETE FROM investigation.outbox WHERE aggregateid = ANY($1)`, [caseIds]);
    await Promise.all(dataSources.map((dataSource) => dataSource.destroy()));
  });

  it('announces every missed date exactly once, whichever instance claims it', async () => {
    const instances = dataSources.map(
      (dataSource) => new MarkReportsOverdueHandler(new Transactions(dataSource), repository, outbox, clock),
    );
    // Small batches and many passes at once, so the instances really compete for rows.
    const passes = await Promise.all(Array.from({ length: 8 }, (_, pass) => instances[pass % 2].execute(new MarkReportsOverdueCommand(3))));
    let announced = passes.reduce((sum, count) => sum + count, 0);
    for (let more = 1; more > 0; announced += more) more = await instances[0].execute(new MarkReportsOverdueCommand(50));

    const expected = CASES / 2 + CASES; // one date for the acknowledged half, two for the rest
    const events: { aggregateid: string; due_date_id: string }[] = await dataSources[0].query(
      `SELECT aggregateid, payload->>'dueDateId' AS due_date_id FROM investigation.outbox
       WHERE type = 'accountability.case.report-overdue.v1' AND aggregateid = ANY($1)`,
      [caseIds],
    );
    expect(announced).toBe(expected);
    expect(events).toHaveLength(expected);
    expect(new Set(events.map((event) => event.due_date_id)).size).toBe(expected);

    const pending: { count: number }[] = await dataSources[0].query(
      `SELECT count(*)::int AS count FROM investigation.due_date WHERE case_id = ANY($1) AND overdue_notified_on IS NULL AND fulfilled_on IS NULL`,
      [caseIds],
    );
    expect(pending[0].count).toBe(0);
    // A later pass finds nothing more to announce.
    expect(await instances[1].execute(new MarkReportsOverdueCommand(50))).toBe(0);
  });
});
