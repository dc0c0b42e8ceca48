import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Transactions } from '#database';
import { DUPLICATE_DATE_WINDOW_DAYS, possibleDays, scoreDuplicate, type DuplicateFacts } from '../domain/duplicate-scoring.js';
import type { IncidentDetails } from '../domain/incident-details.js';
import type { IncidentRow } from '../infrastructure/incident.mapper.js';
import { FindDuplicateCandidatesQuery, type DuplicateCandidate } from './find-duplicate-candidates.query.js';
import { visibilityConditions } from './incident-filter.js';
import { IncidentFinder } from './incident-finder.js';

/** Below this a pair shares too little to be worth an officer's look. */
const MINIMUM_SCORE = 0.3;
/** The pre-filter's cap: a country rarely has this many incidents within two weeks. */
const MAXIMUM_COMPARED = 500;
/** `occurred_on` holds the first possible day; a year-precise date's last day is up to 365 days later. */
const LONGEST_DATE_SPAN_DAYS = 365;

/** The last day a stored date can denote, from its first day and its precision. */
const candidateLastDay = `((i.occurred_on + CASE i.details->>'occurredOnPrecision' WHEN 'year' THEN interval '1 year' WHEN 'month' THEN interval '1 month' ELSE interval '1 day' END)::date - 1)`;

type Row = Pick<IncidentRow, 'id' | 'reference' | 'status' | 'details'>;

/**
 * Pre-filters in SQL to incidents of the same country whose possible days come within the
 * date window of the subject's, then lets the domain score each pair.
 */
@QueryHandler(FindDuplicateCandidatesQuery)
export class FindDuplicateCandidatesHandler implements IQueryHandler<FindDuplicateCandidatesQuery> {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(IncidentFinder) private readonly finder: IncidentFinder,
  ) {}

  async execute({ id, limit, actor }: FindDuplicateCandidatesQuery): Promise<DuplicateCandidate[]> {
    const manager = this.transactions.manager();
    const subject = (await this.finder.visible(manager, id, actor)).state;
    const { first, last } = possibleDays(subject.details.occurredOn);
    const parameters: unknown[] = [
      subject.id,
      subject.details.countryCode,
      first,
      last,
      DUPLICATE_DATE_WINDOW_DAYS,
      LONGEST_DATE_SPAN_DAYS,
    ];
    const conditions = [
      'i.id <> $1',
      "i.status <> 'rejected'",
      'i.country_code = $2',
      // The first bound lets the (country_code, occurred_on) range be searched; the exact test is on the candidate's last day.
      'i.occurred_on BETWEEN $3::date - $5::int - $6::int AND $4::date + $5::int',
      `${candidateLastDay} >= $3::date - $5::int`,
      ...visibilityConditions(actor, parameters),
    ];
    parameters.push(MAXIMUM_COMPARED);
    const rows: Row[] = await manager.query(
      `SELECT i.id, i.reference, i.status, i.details
       FROM intake.incident i
       WHERE ${conditions.join(' AND ')}
       ORDER BY GREATEST(i.occurred_on - $4::date, $3::date - ${candidateLastDay}, 0), i.id
       LIMIT $${parameters.length}`,
      parameters,
    );
    const subjectFacts = duplicateFacts(subject.details);
    return rows
      .map((row): DuplicateCandidate => {
        const { score, reasons } = scoreDuplicate(subjectFacts, duplicateFacts(row.details));
        return {
          incidentId: row.id,
          reference: row.reference,
          countryCode: row.details.countryCode,
          occurredOn: row.details.occurredOn,
          occurredOnPrecision: row.details.occurredOnPrecision,
          status: row.status,
          score,
          reasons,
        };
      })
      .filter((candidate) => candidate.score >= MINIMUM_SCORE)
      .sort((a, b) => b.score - a.score || (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0))
      .slice(0, limit);
  }
}

function duplicateFacts(details: IncidentDetails): DuplicateFacts {
  return {
    occurredOn: details.occurredOn,
    occurredOnPrecision: details.occurredOnPrecision,
    countryCode: details.countryCode,
    adminLevel1: details.adminLevel1,
    adminLevel2: details.adminLevel2,
    meansOfAttack: details.meansOfAttack,
    personnel: details.personnel,
  };
}
