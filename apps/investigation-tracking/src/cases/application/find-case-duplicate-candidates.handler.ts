import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { CaseRepository } from '../infrastructure/case.repository.js';
import { IncidentIntakeClient } from '../infrastructure/incident-intake.client.js';
import { CaseFinder } from './case-finder.js';
import { FindCaseDuplicateCandidatesQuery, type CaseDuplicateCandidate } from './find-case-duplicate-candidates.query.js';

/** Asks intake for each incident of the case, keeps each outside incident once with its best score. */
@QueryHandler(FindCaseDuplicateCandidatesQuery)
export class FindCaseDuplicateCandidatesHandler implements IQueryHandler<FindCaseDuplicateCandidatesQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(CaseFinder) private readonly finder: CaseFinder,
    @Inject(CaseRepository) private readonly cases: CaseRepository,
    @Inject(IncidentIntakeClient) private readonly intake: IncidentIntakeClient,
  ) {}

  async execute({ caseId, limit, actor, bearerToken }: FindCaseDuplicateCandidatesQuery): Promise<CaseDuplicateCandidate[]> {
    const manager = this.transactions.manager();
    const found = await this.finder.readable(manager, caseId, actor);
    const linked = new Set(found.state.incidents.map((link) => link.incidentId));
    const best = new Map<string, CaseDuplicateCandidate>();
    for (const incidentId of linked) {
      for (const candidate of await this.intake.duplicateCandidates(incidentId, bearerToken, limit)) {
        if (linked.has(candidate.incidentId) || (best.get(candidate.incidentId)?.score ?? -1) >= candidate.score) continue;
        const inCase = await this.cases.caseIdOfIncident(manager, candidate.incidentId);
        best.set(candidate.incidentId, { ...candidate, similarToIncidentId: incidentId, inOtherCase: inCase !== undefined });
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score || a.reference.localeCompare(b.reference)).slice(0, limit);
  }
}
