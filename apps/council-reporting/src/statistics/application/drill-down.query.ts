import { Query } from '@nestjs/cqrs';
import type { Actor } from '#domain';
import type { AccountabilityMeasure } from './accountability-filter.js';
import type { FiguresRequest } from './figures-request.js';

export const IncidentMeasures = ['incidents', 'people'] as const;
export type DrillDownMeasure = (typeof IncidentMeasures)[number] | AccountabilityMeasure;

/** The records behind one figure: incidents for incident figures, cases for accountability ones. */
export interface DrillDown {
  measure: DrillDownMeasure;
  records: 'incidents' | 'cases';
  /** The figure itself, as `GET /statistics` gives it. */
  figure: number;
  /** How many records the figure is made of, over every page. */
  total: number;
  items: { id: string; reference: string }[];
  nextCursor: string | null;
}

export class DrillDownQuery extends Query<DrillDown> {
  constructor(
    readonly request: FiguresRequest,
    readonly measure: DrillDownMeasure,
    readonly page: { cursor?: string; limit: number },
    readonly actor: Actor,
  ) {
    super();
  }
}
