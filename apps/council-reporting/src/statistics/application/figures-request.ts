import type { IncidentStatus } from '#contracts';
import { codesInRegion } from '../domain/countries.js';
import type { Dimension, GroupKey } from '../domain/dimensions.js';
import { requestedPeriod } from '../domain/reporting-period.js';
import type { AccountabilityFilter } from './accountability-filter.js';
import type { FigureFilter } from './figure-filter.js';

/** What a statistics request asks, as the HTTP layer validated it. */
export interface FiguresRequest {
  period?: string;
  from?: string;
  to?: string;
  year?: number;
  status?: IncidentStatus;
  includeRejected?: boolean;
  where: GroupKey;
  groupBy?: Dimension[];
}

export function figureFilterOf(request: FiguresRequest): FigureFilter {
  return {
    period: requestedPeriod(request),
    status: request.status,
    includeRejected: request.includeRejected,
    where: request.where,
  };
}

/** Cases in the same period, of the concerned State or region asked for. */
export function accountabilityFilterOf(request: FiguresRequest, asOfDay: string): AccountabilityFilter {
  const { concernedState, region } = request.where;
  const stateCodes = concernedState ? [concernedState] : region ? codesInRegion(region) : undefined;
  return { period: requestedPeriod(request), stateCodes, asOfDay };
}
