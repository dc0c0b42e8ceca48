import {
  HarmTypes,
  InvestigationStandards,
  StandardRatings,
  type InvestigationStandard,
  type StandardRating,
  type Verdict,
} from '#contracts';
import type { ReportingPeriod } from '../../statistics/domain/reporting-period.js';
import type {
  CaseAnnexRow,
  CountryFigures,
  CouncilReportData,
  PersonnelSplit,
  StateAccountability,
  TopicPosition,
} from './council-report.js';
import { change } from './proportions.js';
import type { Counted, CountedByStatus, OverdueState, ReportText, SurvivorSupportLine, TableText } from './report-text.js';

/** The report's title, what it covers and what its figures were taken from. */
export interface TitleBlock {
  kind: 'title';
  title: string;
  subtitle: string;
  details: string[];
  watermark: string;
}

export interface HeadingBlock {
  kind: 'heading';
  /** 1: a chapter ("I. Introduction", "Annex"); 2: a section of it ("A. …"). */
  level: 1 | 2;
  /** "I", "A"; null for the annex. */
  marker: string | null;
  text: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  /** Numbered continuously through the report, as in the Secretary-General's reports; null in the annex. */
  number: number | null;
  text: string;
}

export interface TableColumn {
  header: string;
  numeric: boolean;
}

export interface TableBlock {
  kind: 'table';
  /** "Table 1". */
  label: string;
  title: string;
  columns: TableColumn[];
  /** Cells already written as text, one per column. */
  rows: string[][];
}

/** A bar chart as data: one bar per category, or a group of bars, one per series. */
export interface ChartData {
  categoryTitle: string;
  valueTitle: string;
  categories: string[];
  /** `formatted` holds the values as the report's language writes them, for a table of the data. */
  series: ChartSeries[];
}

export interface ChartSeries {
  name: string;
  values: number[];
  formatted: string[];
}

export interface ChartBlock {
  kind: 'chart';
  /** "Figure I". */
  label: string;
  title: string;
  chart: ChartData;
}

export type ReportBlock = TitleBlock | HeadingBlock | ParagraphBlock | TableBlock | ChartBlock;

/** A Council report in one language and no format: what every renderer lays out. */
export interface ReportDocument {
  languageTag: string;
  title: string;
  subtitle: string;
  reference: string;
  /** The data date, which is also the document's date: the same figures give the same file. */
  asOf: string;
  blocks: ReportBlock[];
}

/** The country table shows the countries with the most personnel affected. */
export const TopCountries = 10;
/** Progress reports overdue by more than this many days are named in the observations. */
export const LongOverdueDays = 90;

/**
 * Lays out the figures of a Council report as the Secretary-General's reports to the
 * Council are laid out: chapters I–IV, paragraphs numbered through, tables, figures, an annex.
 */
export function composeCouncilReport(data: CouncilReportData, text: ReportText): ReportDocument {
  const doc = new DocumentBuilder(text);
  doc.add({
    kind: 'title',
    title: text.title.title,
    subtitle: text.title.subtitle,
    details: text.title.details(data),
    watermark: text.title.watermark(compactPositions(data.watermark.positions)),
  });
  doc.chapter(text.headings.introduction);
  doc.paragraph(text.paragraphs.mandate());
  doc.paragraph(text.paragraphs.coverage(data));
  composeAttacks(doc, data, text);
  composeAccountability(doc, data, text);
  composeObservations(doc, data, text);
  composeAnnex(doc, data, text);
  return {
    languageTag: text.languageTag,
    title: text.title.title,
    subtitle: text.title.subtitle,
    reference: data.reference,
    asOf: data.watermark.asOf,
    blocks: doc.blocks,
  };
}

function composeAttacks(doc: DocumentBuilder, data: CouncilReportData, text: ReportText): void {
  const { current, previous, byCountry } = data.attacks;
  const { paragraphs, labels } = text;
  doc.chapter(text.headings.attacks);
  doc.paragraph(paragraphs.overview(current.period, current.incidents, current.countries, current.affected));
  if (current.incidents > 0) {
    doc.chart(incidentsByMonth(data, text));
    const killedIn = byCountry.filter((country) => country.byHarm.killed.total > 0).length;
    doc.paragraph(paragraphs.killed(current.period, current.byHarm.killed, killedIn));
    const others = HarmTypes.filter((harm) => harm !== 'killed').map((harm) => ({ harm, count: current.byHarm[harm].total }));
    doc.paragraph(paragraphs.otherHarms(others));
  }
  doc.paragraph(
    paragraphs.change(
      previous.period,
      change(previous.incidents, current.incidents),
      change(previous.affected.total, current.affected.total),
      change(previous.byHarm.killed.total, current.byHarm.killed.total),
    ),
  );
  if (personnelYears(data).some(([, affected]) => affected.total > 0)) doc.chart(personnelByYear(data, text));
  if (byCountry.length > 0) composeCountries(doc, data, text);
  if (current.incidents === 0) return;
  composePremises(doc, data, text);
  const perpetrators = data.attacks.perpetrators.map((row) => ({
    label: labels.perpetrator[row.category],
    count: row.incidents,
    last: row.category === 'unknown',
  }));
  doc.paragraph(paragraphs.perpetrators(current.period, byCount(perpetrators)));
  const means = data.attacks.meansOfAttack.map((row) => ({
    label: labels.means[row.means],
    count: row.incidents,
    last: row.means === 'unknown',
  }));
  doc.paragraph(paragraphs.meansOfAttack(current.period, byCount(means)));
}

function composeCountries(doc: DocumentBuilder, data: CouncilReportData, text: ReportText): void {
  const { byCountry, current } = data.attacks;
  const shown = byCountry.slice(0, TopCountries);
  const affectedShown = sum(shown, (country) => country.affected.total);
  const row = (country: CountryFigures) => [
    country.countryName,
    text.number(country.incidents),
    ...HarmTypes.map((harm) => text.number(country.byHarm[harm].total)),
    text.number(country.affected.total),
    text.number(country.affected.national),
  ];
  doc.paragraphAndTable(
    (label) => text.paragraphs.topCountries(label, shown.length, byCountry.length, affectedShown, current.affected.total),
    { words: text.tables.countries(current.period), rows: shown.map(row), textColumns: [0] },
  );
}

function composePremises(doc: DocumentBuilder, data: CouncilReportData, text: ReportText): void {
  const premises = data.attacks.premises
    .filter((row) => row.incidents > 0)
    .sort((a, b) => b.incidents - a.incidents || a.assetType.localeCompare(b.assetType));
  const assets = premises.map((row) => ({ label: text.labels.assetType[row.assetType], count: row.incidents }));
  const rows = premises.map((row) => [
    text.capitalize(text.labels.assetType[row.assetType]),
    ...[row.incidents, row.unIncidents, row.destroyedIncidents].map(text.number),
  ]);
  doc.paragraphAndTable(
    (label) => text.paragraphs.premises(data.period, assets, label),
    tableOf(text.tables.premises(data.period), rows, [0]),
  );
}

function composeAccountability(doc: DocumentBuilder, data: CouncilReportData, text: ReportText): void {
  const { byState, referrals, capacitySupport } = data.accountability;
  const asOf = data.watermark.asOf;
  const { paragraphs, headings, labels } = text;
  doc.chapter(headings.accountability);
  if (byState.length === 0 && data.annex.length === 0) {
    doc.paragraph(paragraphs.noCases(asOf));
    return;
  }

  doc.section(headings.requests);
  const stateRows = sortedStates(byState).map((state) => [
    state.stateName,
    ...[state.cases, state.requestsMade, state.requestsAcknowledged, state.progressReportsReceived, state.reportsOverdue].map(text.number),
    state.reportsOverdue > 0 ? text.number(state.maxDaysOverdue) : text.notApplicable,
  ]);
  doc.paragraphAndTable(
    (label) =>
      paragraphs.requests(
        sum(byState, (state) => state.requestsMade),
        byState.filter((state) => state.requestsMade > 0).length,
        new Set(data.annex.filter((row) => row.daysSinceRequest !== null).map((row) => row.reference)).size,
        new Set(data.annex.map((row) => row.reference)).size,
        sum(byState, (state) => state.requestsAcknowledged),
        label,
      ),
    tableOf(text.tables.states(asOf), stateRows, [0]),
  );
  doc.paragraph(
    paragraphs.progressReports(
      asOf,
      sum(byState, (state) => state.progressReportsReceived),
      overdueStates(byState, 0),
    ),
  );

  composeAssessments(doc, data, text);

  doc.section(headings.referrals);
  doc.paragraph(
    paragraphs.determinations(
      sum(byState, (state) => state.determinations),
      sum(byState, (state) => state.referrals),
    ),
  );
  const byMechanism = referrals.map((row) => ({
    label: labels.mechanism[row.mechanism],
    status: labels.referralStatus[row.status],
    count: row.count,
  }));
  if (referrals.length > 0) doc.paragraph(paragraphs.referralsByMechanism(countedByStatus(byMechanism)));

  composeProsecutions(doc, data, text);

  doc.section(headings.capacity);
  const byKind = capacitySupport.map((row) => ({
    label: labelOf(labels.capacitySupportKind, row.kind),
    status: labelOf(labels.capacitySupportStatus, row.status),
    count: row.count,
  }));
  doc.paragraph(paragraphs.capacitySupport(countedByStatus(byKind)));

  composeSurvivorSupport(doc, data, text);
}

function composeAssessments(doc: DocumentBuilder, data: CouncilReportData, text: ReportText): void {
  const asOf = data.watermark.asOf;
  doc.section(text.headings.assessments);
  const totals = (standard: InvestigationStandard, rating: StandardRating) =>
    sum(data.accountability.byState, (state) => state.assessments[standard]?.[rating] ?? 0);
  // Every assessment rates all six standards, so the largest row total is the number of cases assessed.
  const casesAssessed = Math.max(
    0,
    ...InvestigationStandards.map((standard) => sum([...StandardRatings], (rating) => totals(standard, rating))),
  );
  const notMet = byCount(
    InvestigationStandards.map((standard) => ({ label: text.labels.standard[standard], count: totals(standard, 'not_met') })),
  );
  const rows = InvestigationStandards.map((standard) => [
    text.capitalize(text.labels.standard[standard]),
    ...StandardRatings.map((rating) => text.number(totals(standard, rating))),
  ]);
  doc.paragraphAndTable(
    (label) => text.paragraphs.assessments(asOf, casesAssessed, notMet, label),
    casesAssessed > 0 ? { words: text.tables.assessments(asOf), rows, textColumns: [0] } : null,
  );
}

function composeProsecutions(doc: DocumentBuilder, data: CouncilReportData, text: ReportText): void {
  const rows = data.accountability.prosecutions;
  doc.section(text.headings.prosecutions);
  const convicted: Verdict = 'convicted';
  const cells = rows.map((row) => [
    text.capitalize(labelOf(text.labels.trialStatus, row.trialStatus)),
    row.verdict === null ? text.notApplicable : text.capitalize(labelOf(text.labels.verdict, row.verdict)),
    text.number(row.prosecutions),
    text.number(row.accused),
  ]);
  doc.paragraphAndTable(
    (label) =>
      text.paragraphs.prosecutions(
        sum(rows, (row) => row.prosecutions),
        sum(rows, (row) => row.accused),
        sum(rows, (row) => (row.verdict === convicted ? row.prosecutions : 0)),
        label,
      ),
    tableOf(text.tables.prosecutions(data.watermark.asOf), cells, [0, 1]),
  );
}

function composeSurvivorSupport(doc: DocumentBuilder, data: CouncilReportData, text: ReportText): void {
  const rows = data.accountability.survivorSupport;
  const { labels } = text;
  doc.section(text.headings.survivors);
  const kinds = new Map<string, SurvivorSupportLine>();
  for (const row of rows.filter((line) => line.status !== 'not_needed')) {
    const kind = kinds.get(row.kind) ?? { kind: labelOf(labels.survivorSupportKind, row.kind), cases: 0, persons: 0 };
    kinds.set(row.kind, { ...kind, cases: kind.cases + row.cases, persons: kind.persons + row.persons });
  }
  const lines = [...kinds.values()].sort((a, b) => b.persons - a.persons || b.cases - a.cases);
  const cells = rows.map((row) => [
    text.capitalize(labelOf(labels.survivorSupportKind, row.kind)),
    text.capitalize(labelOf(labels.survivorSupportStatus, row.status)),
    text.number(row.cases),
    text.number(row.persons),
  ]);
  doc.paragraphAndTable(
    (label) => text.paragraphs.survivorSupport(lines, label),
    tableOf(text.tables.survivorSupport(data.watermark.asOf), cells, [0, 1]),
  );
}

function composeObservations(doc: DocumentBuilder, data: CouncilReportData, text: ReportText): void {
  const { byState } = data.accountability;
  const { current } = data.attacks;
  doc.chapter(text.headings.observations);
  if (byState.length > 0 || data.annex.length > 0)
    doc.paragraph(text.paragraphs.longOverdue(LongOverdueDays, overdueStates(byState, LongOverdueDays)));
  const unreferred = data.annex
    .filter((row) => row.determinationWithoutReferral)
    .map((row) => ({ reference: row.reference, stateName: stateName(data, row) }));
  if (unreferred.length > 0 || sum(byState, (state) => state.determinations) > 0)
    doc.paragraph(text.paragraphs.unreferredDeterminations(unreferred));
  doc.paragraph(text.paragraphs.nationalShare(current.period, current.affected, current.byHarm.killed));
}

function composeAnnex(doc: DocumentBuilder, data: CouncilReportData, text: ReportText): void {
  const asOf = data.watermark.asOf;
  const { labels, notApplicable } = text;
  doc.annex(text.headings.annex);
  if (data.annex.length === 0) {
    doc.note(text.paragraphs.noAnnexCases(asOf));
    return;
  }
  const rows = data.annex.map((row) => [
    row.reference,
    stateName(data, row),
    text.capitalize(labels.stage[row.stage]),
    row.daysSinceRequest === null ? notApplicable : text.number(row.daysSinceRequest),
    text.number(row.reportsReceived),
    text.number(row.reportsOverdue),
    row.referralStatus === null ? notApplicable : text.capitalize(labels.referralStatus[row.referralStatus]),
  ]);
  doc.table({ words: text.tables.annex(asOf), rows, textColumns: [0, 1, 2, 6] });
}

function incidentsByMonth(data: CouncilReportData, text: ReportText): FigureContent {
  const months = monthsOf(data.period);
  const withYear = months[0]!.slice(0, 4) !== months.at(-1)!.slice(0, 4);
  const incidents = new Map(data.attacks.byMonth.map((row) => [row.month, row.incidents]));
  const words = text.charts.incidentsByMonth(data.period);
  const categories = months.map((month) => text.month(month, withYear));
  return figure(text, words, categories, [[words.series, months.map((month) => incidents.get(month) ?? 0)]]);
}

/** Personnel affected by year; a one-year report also shows the year before, which is its previous period. */
function personnelYears(data: CouncilReportData): [number, PersonnelSplit][] {
  const years = new Map(data.attacks.byYear.map((row) => [row.year, row.affected]));
  const { previous } = data.attacks;
  if (previous.period.kind === 'year') years.set(Number(previous.period.label), previous.affected);
  return [...years].sort(([a], [b]) => a - b);
}

function personnelByYear(data: CouncilReportData, text: ReportText): FigureContent {
  const years = personnelYears(data);
  const words = text.charts.personnelByYear(data.period);
  return figure(
    text,
    words,
    years.map(([year]) => String(year)),
    [
      [words.national, years.map(([, affected]) => affected.national)],
      [words.international, years.map(([, affected]) => affected.international)],
    ],
  );
}

interface FigureContent {
  title: string;
  chart: ChartData;
}

/** A chart's data; each series' values are also written as the report's language writes numbers. */
function figure(
  text: ReportText,
  words: { title: string; categoryTitle: string; valueTitle: string },
  categories: string[],
  series: [name: string, values: number[]][],
): FigureContent {
  return {
    title: words.title,
    chart: {
      categoryTitle: words.categoryTitle,
      valueTitle: words.valueTitle,
      categories,
      series: series.map(([name, values]) => ({ name, values, formatted: values.map(text.number) })),
    },
  };
}

/** "accountability.incidents.v1[0@1842 1@1790]; accountability.cases.v1[0@96]": each topic once, in the order given. */
export function compactPositions(positions: TopicPosition[]): string {
  const byTopic = new Map<string, string[]>();
  for (const at of positions) byTopic.set(at.topic, [...(byTopic.get(at.topic) ?? []), `${at.partition}@${at.nextOffset}`]);
  return [...byTopic].map(([topic, offsets]) => `${topic}[${offsets.join(' ')}]`).join('; ');
}

/** Every `YYYY-MM` the period touches, so months without incidents show as zero. */
export function monthsOf(period: ReportingPeriod): string[] {
  const months: string[] = [];
  let [year, month] = period.from.split('-').map(Number) as [number, number];
  const last = period.to.slice(0, 7);
  for (;;) {
    const current = `${year}-${String(month).padStart(2, '0')}`;
    months.push(current);
    if (current >= last) return months;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/** Concerned States with progress reports overdue by more than `days`, longest wait first. */
function overdueStates(states: StateAccountability[], days: number): OverdueState[] {
  return sortedStates(states)
    .filter((state) => state.reportsOverdue > 0 && state.maxDaysOverdue > days)
    .sort((a, b) => b.maxDaysOverdue - a.maxDaysOverdue)
    .map(({ stateName, reportsOverdue, maxDaysOverdue }) => ({ stateName, reportsOverdue, maxDaysOverdue }));
}

function sortedStates(states: StateAccountability[]): StateAccountability[] {
  return [...states].sort((a, b) => b.cases - a.cases || a.stateName.localeCompare(b.stateName, 'en'));
}

function stateName(data: CouncilReportData, row: CaseAnnexRow): string {
  return data.accountability.byState.find((state) => state.stateCode === row.stateCode)?.stateName ?? row.stateCode;
}

/** Largest count first, zeros dropped; an "unknown" category goes last whatever its count. */
function byCount(items: (Counted & { last?: boolean })[]): Counted[] {
  return items
    .filter((item) => item.count > 0)
    .sort((a, b) => Number(a.last ?? false) - Number(b.last ?? false) || b.count - a.count)
    .map(({ label, count }) => ({ label, count }));
}

/** Rows of (label, status, count) gathered by label, largest total first. */
function countedByStatus(rows: { label: string; status: string; count: number }[]): CountedByStatus[] {
  const groups = new Map<string, CountedByStatus>();
  for (const row of rows.filter((line) => line.count > 0)) {
    const group = groups.get(row.label) ?? { label: row.label, count: 0, byStatus: [] };
    group.count += row.count;
    group.byStatus.push({ label: row.status, count: row.count });
    groups.set(row.label, group);
  }
  return [...groups.values()].map((group) => ({ ...group, byStatus: byCount(group.byStatus) })).sort((a, b) => b.count - a.count);
}

/** The label of a value the figures carry as plain text; a value the vocabulary lacks is shown as written. */
function labelOf(labels: Record<string, string>, value: string): string {
  return labels[value] ?? value.replaceAll('_', ' ');
}

function sum<T>(items: T[], count: (item: T) => number): number {
  return items.reduce((total, item) => total + count(item), 0);
}

/** A table's words and cells; the columns at `textColumns` hold words, the others figures. */
interface TableContent {
  words: TableText;
  rows: string[][];
  textColumns: readonly number[];
}

/** The table, or null when it would have no rows. */
function tableOf(words: TableText, rows: string[][], textColumns: readonly number[]): TableContent | null {
  return rows.length > 0 ? { words, rows, textColumns } : null;
}

const Roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/** Numbers chapters, sections, paragraphs, tables and figures as they are added. */
class DocumentBuilder {
  readonly blocks: ReportBlock[] = [];
  private chapters = 0;
  private sections = 0;
  private paragraphs = 0;
  private tables = 0;
  private figures = 0;
  private reservedTable: string | null = null;

  constructor(private readonly text: ReportText) {}

  add(block: ReportBlock): void {
    this.blocks.push(block);
  }

  chapter(text: string): void {
    this.sections = 0;
    this.add({ kind: 'heading', level: 1, marker: Roman[this.chapters++]!, text });
  }

  section(text: string): void {
    this.add({ kind: 'heading', level: 2, marker: String.fromCharCode(65 + this.sections++), text });
  }

  annex(text: string): void {
    this.add({ kind: 'heading', level: 1, marker: null, text });
  }

  paragraph(text: string): void {
    this.add({ kind: 'paragraph', number: ++this.paragraphs, text });
  }

  /** An unnumbered paragraph, as in an annex. */
  note(text: string): void {
    this.add({ kind: 'paragraph', number: null, text });
  }

  /** The label the next table will have, so a paragraph before it can refer to it. */
  nextTableLabel(): string {
    this.reservedTable ??= this.text.tableLabel(++this.tables);
    return this.reservedTable;
  }

  table({ words, rows, textColumns }: TableContent): void {
    const label = this.nextTableLabel();
    this.reservedTable = null;
    const columns = words.columns.map((header, index) => ({ header, numeric: !textColumns.includes(index) }));
    this.add({ kind: 'table', label, title: words.title, columns, rows });
  }

  /** A paragraph and the table it refers to, when there is one. */
  paragraphAndTable(sentence: (tableLabel: string) => string, table: TableContent | null): void {
    this.paragraph(sentence(table ? this.nextTableLabel() : ''));
    if (table) this.table(table);
  }

  chart(figure: FigureContent): void {
    this.add({ kind: 'chart', label: this.text.figureLabel(++this.figures), ...figure });
  }
}
