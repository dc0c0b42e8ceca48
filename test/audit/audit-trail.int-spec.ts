import { execFileSync } from 'node:child_process';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '#database';
import { openTestDataSource } from '../support/database.js';

/** Runs `npm run audit:verify`'s program on the test database; answers its exit code and output. */
function verifyCommand(): { status: number; output: string } {
  try {
    return {
      status: 0,
      output: execFileSync(process.execPath, ['dist/migrations/verify-audit.js'], { encoding: 'utf8', env: process.env }),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string };
    return { status: failed.status, output: failed.stdout };
  }
}

describe('the hash-chained audit trail', () => {
  let dataSource: DataSource;
  const sut = new AuditTrail('investigation');
  const recordId = `audit-test-${Date.now()}`;

  beforeAll(async () => {
    dataSource = await openTestDataSource('investigation');
    for (const [action, outcome] of [
      ['protected_data.read', 'done'],
      ['case.close', 'refused'],
      ['case.determine', 'done'],
    ] as const) {
      await dataSource.transaction((manager) =>
        sut.record(
          manager,
          {
            actor: { subject: 'officer-audit', role: 'officer', organisation: 'org-audit' },
            action,
            recordType: 'case',
            recordId,
            outcome,
          },
          new Date('2026-01-01T00:00:00Z'),
        ),
      );
    }
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('keeps the entries in order and finds them by record', async () => {
    const entries = await sut.find(dataSource.manager, { recordId }, 0, 10);
    expect(entries.map((entry) => [entry.action, entry.outcome])).toEqual([
      ['protected_data.read', 'done'],
      ['case.close', 'refused'],
      ['case.determine', 'done'],
    ]);
    expect(entries[1].sequence).toBe(entries[0].sequence + 1);
  });

  it('refuses to change or delete an entry', async () => {
    await expect(
      dataSource.query(`UPDATE investigation.audit_entry SET outcome = 'done' WHERE record_id = $1`, [recordId]),
    ).rejects.toThrow('append-only');
    await expect(dataSource.query('DELETE FROM investigation.audit_entry WHERE record_id = $1', [recordId])).rejects.toThrow('append-only');
  });

  it('detects a tampered entry, names it, and finds the chain whole again once it is put back', async () => {
    const [refused] = await sut.find(dataSource.manager, { recordId, action: 'case.close' }, 0, 1);
    expect(verifyCommand()).toMatchObject({ status: 0, output: expect.stringContaining('investigation: ') });
    expect((await sut.verify(dataSource.manager)).firstBroken).toBeUndefined();

    // Someone with the database's superuser rights turns the trigger off and rewrites history.
    const tamper = (outcome: string) =>
      dataSource.transaction(async (manager) => {
        await manager.query('ALTER TABLE investigation.audit_entry DISABLE TRIGGER audit_entry_append_only');
        await manager.query('UPDATE investigation.audit_entry SET outcome = $2 WHERE sequence = $1', [refused.sequence, outcome]);
        await manager.query('ALTER TABLE investigation.audit_entry ENABLE TRIGGER audit_entry_append_only');
      });
    await tamper('done');
    try {
      expect((await sut.verify(dataSource.manager)).firstBroken).toEqual({
        sequence: refused.sequence,
        reason: 'hash does not match its content and predecessor',
      });
      const command = verifyCommand();
      expect(command.status).toBe(1);
      expect(command.output).toContain(`investigation: BROKEN at entry ${refused.sequence}`);
    } finally {
      await tamper('refused');
    }
    expect((await sut.verify(dataSource.manager)).firstBroken).toBeUndefined();
  });
});
