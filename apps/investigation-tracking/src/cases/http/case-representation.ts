import type { QueryBus } from '@nestjs/cqrs';
import type { Response } from 'express';
import type { Actor } from '#domain';
import { etagOf } from '#http';
import { GetCaseQuery } from '../application/get-case.query.js';
import { CaseDetailDto } from './case.response.dto.js';

/** The case as GET /cases/:id shows it, with its ETag: what every read and every change answers. */
export async function caseRepresentation(queries: QueryBus, response: Response, id: string, actor: Actor): Promise<CaseDetailDto> {
  const { found, timeline, indicators } = await queries.execute(new GetCaseQuery(id, actor));
  response.setHeader('ETag', etagOf(found.version));
  return CaseDetailDto.fromDetail(found, timeline, indicators);
}
