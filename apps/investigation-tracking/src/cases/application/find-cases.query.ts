import { Query } from '@nestjs/cqrs';
import type { Case } from '../domain/case.js';

export class FindCasesQuery extends Query<Case[]> {
  constructor(readonly filter: { incidentId?: string }) {
    super();
  }
}
