import type { HarmType, IncidentStatus, MeansOfAttack, PerpetratorCategory } from '#contracts';
import { readableCondition, type Actor } from '#domain';

export interface IncidentFilter {
  countryCode?: string;
  concernedStateCode?: string;
  /** Incidents whose date (its first possible day) is on or after this day. */
  from?: string;
  /** ... and on or before this day. */
  to?: string;
  meansOfAttack?: MeansOfAttack;
  /** Incidents where at least one person suffered this harm. */
  harm?: HarmType;
  status?: IncidentStatus;
  perpetratorCategory?: PerpetratorCategory;
}

/** The columns of `intake.incident i` the access policy reads; the reporting organisation owns an incident. */
const accessColumns = { confidentiality: "i.details->>'confidentiality'", owningOrganisation: 'i.reporting_organisation' };

/** The read rule of the access policy as SQL conditions on `intake.incident i`; appends their parameters. */
export function visibilityConditions(actor: Actor, parameters: unknown[]): string[] {
  return readableCondition(actor, accessColumns, parameters);
}

/** SQL conditions on `intake.incident i` for a filter; appends their parameters. */
export function filterConditions(filter: IncidentFilter, parameters: unknown[]): string[] {
  const conditions: string[] = [];
  const add = (sql: (placeholder: string) => string, value: unknown) => {
    parameters.push(value);
    conditions.push(sql(`$${parameters.length}`));
  };
  if (filter.countryCode) add((p) => `i.country_code = ${p}`, filter.countryCode);
  if (filter.concernedStateCode) add((p) => `i.concerned_state_code = ${p}`, filter.concernedStateCode);
  if (filter.from) add((p) => `i.occurred_on >= ${p}::date`, filter.from);
  if (filter.to) add((p) => `i.occurred_on <= ${p}::date`, filter.to);
  if (filter.meansOfAttack) add((p) => `i.means_of_attack = ${p}`, filter.meansOfAttack);
  if (filter.status) add((p) => `i.status = ${p}`, filter.status);
  if (filter.perpetratorCategory) add((p) => `i.perpetrator_category = ${p}`, filter.perpetratorCategory);
  if (filter.harm) {
    add(
      (p) => `EXISTS (SELECT 1 FROM jsonb_array_elements(i.details->'personnel') c WHERE c->>'harm' = ${p} AND (c->>'count')::int > 0)`,
      filter.harm,
    );
  }
  return conditions;
}
