import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor, Transactions } from '#database';
import { type Clock, CLOCK, readableCondition } from '#domain';
import { toCalendarDate } from '../domain/reporting-calendar.js';
import { CaseMapper, type StoredState } from '../infrastructure/case.mapper.js';
import { FindCasesQuery, type CaseFilter, type CasePage } from './find-cases.query.js';

/** A due date missed and still open: what "overdue" means in lists. */
const overdueCase = (today: string) =>
  `EXISTS (SELECT 1 FROM investigation.due_date d WHERE d.case_id = c.id AND d.due_on < ${today}::date
     AND d.fulfilled_on IS NULL AND d.cancelled_on IS NULL)`;

@QueryHandler(FindCasesQuery)
export class FindCasesHandler implements IQueryHandler<FindCasesQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ filter, limit, cursor, actor }: FindCasesQuery): Promise<CasePage> {
    const parameters: unknown[] = [];
    const conditions = [
      ...this.filterConditions(filter, parameters),
      ...readableCondition(actor, { confidentiality: 'c.confidentiality', owningOrganisation: 'c.owning_organisation' }, parameters),
    ];
    if (cursor) {
      parameters.push(decodeCursor(cursor)[1]);
      conditions.push(`c.id > $${parameters.length}::uuid`);
    }
    parameters.push(limit + 1);
    const rows: { id: string; state: StoredState; version: number }[] = await this.transactions.manager().query(
      `SELECT c.id, c.state, c.version FROM investigation."case" c
       ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY c.id LIMIT $${parameters.length}`,
      parameters,
    );
    const items = rows.slice(0, limit).map((row) => CaseMapper.fromDocument(row.state, row.version));
    return { items, nextCursor: rows.length > limit ? encodeCursor('', items[items.length - 1].id) : null };
  }

  private filterConditions(filter: CaseFilter, parameters: unknown[]): string[] {
    const conditions: string[] = [];
    const add = (sql: (placeholder: string) => string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql(`$${parameters.length}`));
    };
    if (filter.incidentId)
      add(
        (p) => `EXISTS (SELECT 1 FROM investigation.case_incident ci WHERE ci.case_id = c.id AND ci.incident_id = ${p}::uuid)`,
        filter.incidentId,
      );
    if (filter.stage) add((p) => `c.stage = ${p}`, filter.stage);
    if (filter.concernedStateCode) add((p) => `c.concerned_state_codes @> ARRAY[${p}]::char(2)[]`, filter.concernedStateCode);
    if (filter.countryCode) add((p) => `c.country_code = ${p}`, filter.countryCode);
    if (filter.hasReferral !== undefined) add((p) => `c.has_referral = ${p}`, filter.hasReferral);
    if (filter.openedFrom) add((p) => `c.opened_at >= ${p}::date`, filter.openedFrom);
    if (filter.openedTo) add((p) => `c.opened_at < ${p}::date + 1`, filter.openedTo);
    if (filter.overdue !== undefined) {
      parameters.push(toCalendarDate(this.clock.now()));
      conditions.push(`${filter.overdue ? '' : 'NOT '}${overdueCase(`$${parameters.length}`)}`);
    }
    return conditions;
  }
}
