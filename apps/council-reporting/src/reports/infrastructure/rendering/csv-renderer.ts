import { HarmTypes } from '#contracts';
import { stringify } from 'csv-stringify/sync';
import { HxlHarmAttributes } from '../../../statistics/domain/hxl-table.js';
import type { CountryFigures, CouncilReportData, PersonnelSplit } from '../../domain/council-report.js';
import type { ReportText } from '../../domain/report-text.js';

const Parts = ['national', 'international', 'total'] as const;
const HxlParts: Record<(typeof Parts)[number], string> = { national: '+national', international: '+international', total: '' };

interface Column {
  header: string;
  hxl: string;
  value: (country: CountryFigures) => string | number;
}

/** National, international and total columns of one figure. */
function splitColumns(text: ReportText, what: string, hxl: string, split: (country: CountryFigures) => PersonnelSplit): Column[] {
  return Parts.map((part) => ({
    header: text.csv.split(what, part),
    hxl: `${hxl}${HxlParts[part]}`,
    value: (country) => split(country)[part],
  }));
}

/**
 * The country table as HXL-tagged CSV (RFC 4180): a header row, the hashtag row, then one
 * row per country of the period with its incidents and the people harmed, by harm and status.
 */
export function renderCsv(data: CouncilReportData, text: ReportText): Buffer {
  const { period } = data;
  // A year only when the period lies within one calendar year; the start and end always.
  const year = period.from.slice(0, 4) === period.to.slice(0, 4) ? period.from.slice(0, 4) : '';
  const columns: Column[] = [
    { header: text.csv.countryCode, hxl: '#country+code', value: (country) => country.countryCode },
    { header: text.csv.country, hxl: '#country+name', value: (country) => country.countryName },
    { header: text.csv.year, hxl: '#date+year', value: () => year },
    { header: text.csv.periodStart, hxl: '#date+start', value: () => period.from },
    { header: text.csv.periodEnd, hxl: '#date+end', value: () => period.to },
    { header: text.csv.incidents, hxl: '#event+num', value: (country) => country.incidents },
    ...HarmTypes.flatMap((harm) =>
      splitColumns(text, text.labels.harm[harm], `#affected${HxlHarmAttributes[harm]}`, (country) => country.byHarm[harm]),
    ),
    ...splitColumns(text, text.csv.affected, '#affected', (country) => country.affected),
  ];
  const rows = [
    columns.map((column) => column.header),
    columns.map((column) => column.hxl),
    ...data.attacks.byCountry.map((country) => columns.map((column) => column.value(country))),
  ];
  return Buffer.from(stringify(rows, { record_delimiter: 'windows' }), 'utf8');
}
