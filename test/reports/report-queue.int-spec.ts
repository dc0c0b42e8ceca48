import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { ReportRepository } from '../../apps/council-reporting/src/reports/infrastructure/report.repository.js';
import { reportRequestOf } from '../../apps/council-reporting/src/reports/domain/report-request.js';
import { openTestDataSource } from '../support/database.js';

/**
 * The report queue on the real test database. Jobs are requested in 1991, before any other
 * test's, so each claim here takes this test's jobs first; the clock is pinned, never read.
 */
describe('report queue', () => {
  let dataSource: DataSource;
  const sut = new ReportRepository();
  const requester = { subject: 'queue-test', role: 'reporting', organisation: 'org-queue' };
  const at = (iso: string) => new Date(iso);

  beforeAll(async () => {
    dataSource = await openTestDataSource('reporting');
  });

  afterAll(async () => {
    await dataSource.query(`DELETE FROM reporting.report WHERE requesting_organisation = 'org-queue'`);
    await dataSource.destroy();
  });

  it('takes a job again when the instance running it died, but never one still within its time', async () => {
    const abandoned = randomUUID();
    const recent = randomUUID();
    await sut.insert(
      dataSource.manager,
      abandoned,
      reportRequestOf({ period: '1990', scope: 'all' }),
      requester,
      at('1991-01-01T00:00:00Z'),
    );
    await sut.insert(dataSource.manager, recent, reportRequestOf({ period: '1990', scope: 'all' }), requester, at('1991-01-01T00:00:01Z'));
    expect((await sut.claimNext(dataSource.manager, at('1991-01-01T09:00:00Z')))?.reportId).toBe(abandoned);
    expect((await sut.claimNext(dataSource.manager, at('1991-01-01T09:20:00Z')))?.reportId).toBe(recent);

    // 09:45: the first has run 45 minutes (its instance is gone), the second 25 (still at work).
    const again = await sut.claimNext(dataSource.manager, at('1991-01-01T09:45:00Z'));
    expect(again).toMatchObject({ reportId: abandoned, status: 'running', attempts: 2 });
    expect(await sut.find(dataSource.manager, recent)).toMatchObject({ status: 'running', attempts: 1 });
  });
});
