import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { ProtectedData } from '../domain/protected-data.js';

export class GetProtectedDataQuery extends Query<ProtectedData> {
  constructor(
    readonly incidentId: string,
    readonly reader: Actor,
  ) {
    super();
  }
}
