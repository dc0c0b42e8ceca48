import { Inject } from '@nestjs/common';
import { QueryBus, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Incident } from '../domain/incident.js';
import { ExportIncidentsQuery } from './export-incidents.query.js';
import { ListIncidentsQuery } from './list-incidents.query.js';

const BATCH = 500;

/** Walks the list query page by page (oldest first), so an export holds one page at a time. */
@QueryHandler(ExportIncidentsQuery)
export class ExportIncidentsHandler implements IQueryHandler<ExportIncidentsQuery> {
  constructor(@Inject(QueryBus) private readonly queries: QueryBus) {}

  async execute({ filter, actor }: ExportIncidentsQuery): Promise<AsyncIterable<Incident>> {
    const queries = this.queries;
    return (async function* () {
      let cursor: string | undefined;
      do {
        const page = await queries.execute(new ListIncidentsQuery(filter, 'occurredOn', BATCH, cursor, actor));
        yield* page.items;
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
    })();
  }
}
