import { Command } from '@nestjs/cqrs';

/** One pass of the scheduler over up to `batchSize` cases: announce due dates missed before today, once each. Answers how many. */
export class MarkReportsOverdueCommand extends Command<number> {
  constructor(readonly batchSize = 100) {
    super();
  }
}
