import { Command } from '@nestjs/cqrs';
import type { IncidentFacts } from '../domain/opening-policy.js';

/** intake reported or amended an incident: keep its facts, and its case's confidentiality in step. */
export class RecordIncidentFactsCommand extends Command<void> {
  constructor(readonly facts: IncidentFacts) {
    super();
  }
}
