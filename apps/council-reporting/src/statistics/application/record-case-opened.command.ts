import { Command } from '@nestjs/cqrs';
import type { CaseOpenedV1 } from '#contracts';

export class RecordCaseOpenedCommand extends Command<void> {
  constructor(readonly opened: CaseOpenedV1) {
    super();
  }
}
