import { Command } from '@nestjs/cqrs';
import type { IncidentFigures } from '../domain/incident-figures.js';

/** Replaces an incident's figures with a newer snapshot (reported or amended). */
export class RecordIncidentFiguresCommand extends Command<void> {
  constructor(readonly incident: IncidentFigures) {
    super();
  }
}
