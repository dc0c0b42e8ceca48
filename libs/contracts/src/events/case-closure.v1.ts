import { IsIn } from 'class-validator';
import { ClosureOutcomes, type ClosureOutcome } from '../case-vocabulary.js';
import { defineEvent } from '../event-contract.js';
import { Topics } from '../topics.js';
import { CaseEventV1 } from './case-event.v1.js';

/** Payload of `accountability.case.closed.v1`; the written reason stays in the service. */
export class CaseClosedV1 extends CaseEventV1 {
  @IsIn(ClosureOutcomes)
  outcome!: ClosureOutcome;
}

export const CaseClosed = defineEvent({
  type: 'accountability.case.closed.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseClosedV1,
  description: 'The case was closed with an outcome; it emits no overdue events while closed.',
});

/** Payload of `accountability.case.reopened.v1`. */
export class CaseReopenedV1 extends CaseEventV1 {}

export const CaseReopened = defineEvent({
  type: 'accountability.case.reopened.v1',
  topic: Topics.cases,
  aggregateType: 'case',
  payload: CaseReopenedV1,
  description: 'A closed case was reopened; reporting due dates resume.',
});
