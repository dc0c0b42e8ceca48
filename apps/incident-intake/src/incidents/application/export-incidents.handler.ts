import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import type { Incident } from '../domain/incident.js';
import { IncidentMapper, type IncidentRow } from '../infrastructure/incident.mapper.js';
import { filterConditions, visibilityConditions } from './incident-filter.js';
import { ExportIncidentsQuery } from './export-incidents.query.js';

const BATCH = 500;

@QueryHandler(ExportIncidentsQuery)
export class ExportIncidentsHandler implements IQueryHandler<ExportIncidentsQuery> {
  constructor(@Inject(Transactions) private readonly transactions: Transactions) {}

  async execute({ filter, actor }: ExportIncidentsQuery): Promise<AsyncIterable<Incident>> {
    const manager = this.transactions.manager();
    return (async function* () {
      let after: { occurredOn: string; id: string } | undefined;
      for (;;) {
        const parameters: unknown[] = [];
        const conditions = [...filterConditions(filter, parameters), ...visibilityConditions(actor, parameters)];
        if (after) {
          parameters.push(after.occurredOn, after.id);
          conditions.push(`(i.occurred_on, i.id) > ($${parameters.length - 1}::date, $${parameters.length}::uuid)`);
        }
        const rows: (IncidentRow & { first_day: string })[] = await manager.query(
          `SELECT i.*, i.occurred_on::text AS first_day FROM intake.incident i
           ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY i.occurred_on, i.id LIMIT ${BATCH}`,
          parameters,
        );
        for (const row of rows) yield IncidentMapper.fromRow(row);
        if (rows.length < BATCH) return;
        after = { occurredOn: rows[rows.length - 1].first_day, id: rows[rows.length - 1].id };
      }
    })();
  }
}
