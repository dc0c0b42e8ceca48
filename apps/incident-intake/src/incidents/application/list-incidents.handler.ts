import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor, Transactions } from '#database';
import { isCalendarDate } from '#domain';
import { IncidentMapper, type IncidentRow } from '../infrastructure/incident.mapper.js';
import { filterConditions, visibilityConditions } from './incident-filter.js';
import { ListIncidentsQuery, type IncidentPage } from './list-incidents.query.js';

const sortColumn = { occurredOn: 'occurred_on', reportedAt: 'reported_at' } as const;

/** What each sort writes into its cursors, so a cursor of another shape never reaches SQL. */
const isSortValue = {
  occurred_on: isCalendarDate,
  reported_at: (value: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(value) && !Number.isNaN(Date.parse(value)),
};

/** Keyset pagination: the cursor holds the last row's sort value and id, so pages stay stable while rows are added. */
@QueryHandler(ListIncidentsQuery)
export class ListIncidentsHandler implements IQueryHandler<ListIncidentsQuery> {
  constructor(@Inject(Transactions) private readonly transactions: Transactions) {}

  async execute({ filter, sort, limit, cursor, actor }: ListIncidentsQuery): Promise<IncidentPage> {
    const descending = sort.startsWith('-');
    const column = sortColumn[sort.replace('-', '') as keyof typeof sortColumn];
    const direction = descending ? 'DESC' : 'ASC';
    const parameters: unknown[] = [];
    const conditions = [...filterConditions(filter, parameters), ...visibilityConditions(actor, parameters)];
    if (cursor) {
      const [value, id] = decodeCursor(cursor, isSortValue[column]);
      parameters.push(value, id);
      const cast = column === 'occurred_on' ? 'date' : 'timestamptz';
      conditions.push(`(i.${column}, i.id) ${descending ? '<' : '>'} ($${parameters.length - 1}::${cast}, $${parameters.length}::uuid)`);
    }
    parameters.push(limit + 1);
    const rows: (IncidentRow & { sort_value: string })[] = await this.transactions.manager().query(
      `SELECT i.*, ${column === 'occurred_on' ? 'i.occurred_on::text' : `to_char(i.reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`} AS sort_value
       FROM intake.incident i ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY i.${column} ${direction}, i.id ${direction} LIMIT $${parameters.length}`,
      parameters,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => IncidentMapper.fromRow(row)),
      nextCursor: rows.length > limit ? encodeCursor(last.sort_value, last.id) : null,
    };
  }
}
