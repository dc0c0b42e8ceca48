import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { type Clock, CLOCK, readableCondition } from '#domain';
import { attentionReasons } from '../domain/attention.js';
import { toCalendarDate } from '../domain/reporting-calendar.js';
import { CaseMapper, type StoredState } from '../infrastructure/case.mapper.js';
import { CaseSettings } from './case-settings.js';
import { FindCasesNeedingAttentionQuery, type CaseNeedingAttention } from './find-cases-needing-attention.query.js';

const BATCH = 500;

/**
 * Walks the open cases the actor may see in batches and keeps those the domain rule flags.
 * Open cases are the ones officers work, so they stay few enough to judge one by one; the
 * reasons are then written once, in the domain, not again in SQL.
 */
@QueryHandler(FindCasesNeedingAttentionQuery)
export class FindCasesNeedingAttentionHandler implements IQueryHandler<FindCasesNeedingAttentionQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseSettings) private readonly settings: CaseSettings,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ actor }: FindCasesNeedingAttentionQuery): Promise<CaseNeedingAttention[]> {
    const today = toCalendarDate(this.clock.now());
    const needing: CaseNeedingAttention[] = [];
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const parameters: unknown[] = [after, BATCH];
      const visible = readableCondition(
        actor,
        { confidentiality: 'c.confidentiality', owningOrganisation: 'c.owning_organisation' },
        parameters,
      );
      const rows: { id: string; state: StoredState; version: number }[] = await this.transactions.manager().query(
        `SELECT c.id, c.state, c.version FROM investigation."case" c
         WHERE c.closed_at IS NULL AND c.id > $1::uuid ${visible.map((condition) => `AND ${condition}`).join(' ')}
         ORDER BY c.id LIMIT $2`,
        parameters,
      );
      for (const row of rows) {
        const found = CaseMapper.fromDocument(row.state, row.version);
        const reasons = attentionReasons(found, today, this.settings.attention);
        if (reasons.length > 0) needing.push({ found, reasons });
      }
      if (rows.length < BATCH) return needing;
      after = rows[rows.length - 1].id;
    }
  }
}
