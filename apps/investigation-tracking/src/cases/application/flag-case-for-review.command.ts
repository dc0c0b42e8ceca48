import { Command } from '@nestjs/cqrs';

/** intake rejected an incident: its case, if any, is flagged for review and kept. */
export class FlagCaseForReviewCommand extends Command<void> {
  constructor(
    readonly incidentId: string,
    readonly version: number,
  ) {
    super();
  }
}
