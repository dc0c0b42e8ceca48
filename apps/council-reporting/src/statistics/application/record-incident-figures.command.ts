import { Command } from '@nestjs/cqrs';
import type { IncidentReportedV1 } from '#contracts';

export class RecordIncidentFiguresCommand extends Command<void> {
  constructor(readonly incident: IncidentReportedV1) {
    super();
  }
}
