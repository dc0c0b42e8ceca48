import { HarmTypes, PersonnelStatuses, type HarmType, type PersonnelStatus } from '#contracts';
import type { Dimension, GroupKey } from './dimensions.js';

/**
 * HXL hashtags of the statistics tables (https://hxlstandard.org). Core tags and attributes
 * where HXL has them (`#affected+killed`, `+injured`, `+abducted`, `#country+code`,
 * `#date+year`, `#org+type`); the project's own attributes are documented in docs/hxl.md.
 */
export const HxlDimensionTags: Record<Dimension, string> = {
  country: '#country+code',
  concernedState: '#country+code+concerned',
  region: '#region+name',
  year: '#date+year',
  quarter: '#date+quarter',
  month: '#date+month',
  perpetrator: '#group+perpetrator',
  means: '#event+type',
  premises: '#item+type+premises',
  harm: '#indicator+harm',
  personnel: '#indicator+personnel',
  affiliation: '#org+type',
  gender: '#indicator+gender',
};

export const HxlHarmAttributes: Record<HarmType, string> = {
  killed: '+killed',
  wounded: '+injured',
  kidnapped: '+abducted',
  detained: '+detained',
  missing: '+missing',
  sexual_violence: '+sexual_violence',
};

/** People harmed in one group, by harm and status; partners' small cells are strings. */
export type PeopleByHarm = Partial<Record<HarmType, Partial<Record<PersonnelStatus, number | string>>>>;

export interface HxlRow {
  group: GroupKey;
  incidents: number;
  people: PeopleByHarm;
}

export interface HxlTable {
  headers: string[];
  tags: string[];
  rows: (string | number)[][];
}

/**
 * A wide table: one line per group, then incidents, then for each harm the national,
 * international and total people. Harm and status are columns here, never groups.
 */
export function hxlTable(dimensions: readonly Dimension[], rows: readonly HxlRow[]): HxlTable {
  const headers = [...dimensions, 'incidents'];
  const tags = [...dimensions.map((dimension) => HxlDimensionTags[dimension]), '#event+num'];
  for (const harm of HarmTypes) {
    for (const status of PersonnelStatuses) {
      headers.push(`${harm}_${status}`);
      tags.push(`#affected${HxlHarmAttributes[harm]}+${status}`);
    }
  }
  return {
    headers,
    tags,
    rows: rows.map((row) => [
      ...dimensions.map((dimension) => row.group[dimension] ?? ''),
      row.incidents,
      ...HarmTypes.flatMap((harm) => PersonnelStatuses.map((status) => row.people[harm]?.[status] ?? 0)),
    ]),
  };
}
