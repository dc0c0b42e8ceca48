import type { GroupKey } from '../domain/dimensions.js';
import type { AccountabilityMeasure } from '../application/accountability-filter.js';
import type { FigureRequestDto } from './figure.request.dto.js';
import { whereOf } from './figure.request.dto.js';

/** The drill-down address of one figure: the request's own filters, narrowed to the figure's group. */
export function drillDownLink(request: FigureRequestDto, group: GroupKey, measure?: AccountabilityMeasure): string {
  const { period, from, to, status, includeRejected } = request;
  const parameters: Record<string, string | undefined> = {
    period,
    from,
    to,
    status,
    includeRejected: includeRejected === undefined ? undefined : String(includeRejected),
    ...whereOf(request),
    ...group,
    measure,
  };
  const query = new URLSearchParams(Object.entries(parameters).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return `/statistics/drill-down?${query.toString()}`;
}
