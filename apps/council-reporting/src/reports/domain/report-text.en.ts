import { HarmTypes, StandardRatings, type HarmType } from '#contracts';
import type { ReportingPeriod } from '../../statistics/domain/reporting-period.js';
import type { PersonnelSplit } from './council-report.js';
import { share, type Change, type Share } from './proportions.js';
import type { Counted, CountedByStatus, OverdueState, ReportText } from './report-text.js';

// English as the United Nations writes it: "per cent", "as at", "1,234", no serial comma.

const Months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const Numbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

const number = (value: number): string => Numbers.format(value);
const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** "1 case", "12 cases". */
function count(n: number, one: string, many: string): string {
  return `${number(n)} ${n === 1 ? one : many}`;
}

const was = (n: number): string => (n === 1 ? 'was' : 'were');

/** "a, b and c"; with `;` for clauses that hold commas: "a; b; and c". */
function list(items: string[], conjunction = 'and', separator = ','): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(`${separator} `)}${separator === ',' ? '' : separator} ${conjunction} ${items.at(-1)}`;
}

function percent(value: Share): string {
  const bound = { exactly: '', less_than: 'less than ', more_than: 'more than ' }[value.bound];
  return `${bound}${value.percent} per cent`;
}

function date(day: string): string {
  const [year, month, dayOfMonth] = day.split('-').map(Number) as [number, number, number];
  return `${dayOfMonth} ${Months[month - 1]} ${year}`;
}

/** "1 January to 31 December 2023", "1 July 2023 to 30 June 2024". */
function dateRange(from: string, to: string): string {
  const start = date(from);
  return from.slice(0, 4) === to.slice(0, 4) ? `${start.slice(0, -5)} to ${date(to)}` : `${start} to ${date(to)}`;
}

function periodName(period: ReportingPeriod): string {
  const year = period.label.slice(0, 4);
  switch (period.kind) {
    case 'year':
      return year;
    case 'half':
      return `the ${period.label.endsWith('H1') ? 'first' : 'second'} half of ${year}`;
    case 'year_and_half':
      return `${year} and the first half of ${Number(year) + 1}`;
    case 'range':
      return `the period from ${dateRange(period.from, period.to)}`;
  }
}

const asAt = (instant: string): string => `as at ${date(instant.slice(0, 10))}`;
/** "table 3", as running text refers to it. */
const see = (tableLabel: string): string => tableLabel.charAt(0).toLowerCase() + tableLabel.slice(1);

const Personnel = { one: 'humanitarian worker', many: 'humanitarian personnel' };
const UnableOrUnwilling = 'unable or unwilling genuinely to investigate or prosecute';
const SixStandards =
  'the six standards of recommendation 6.1: a full, prompt, impartial, independent, transparent and effective investigation';

const HarmVerbs: Record<HarmType, string> = {
  killed: 'killed',
  wounded: 'wounded',
  kidnapped: 'kidnapped',
  detained: 'detained',
  missing: 'reported missing',
  sexual_violence: 'subjected to sexual violence',
};

/** "; 272 of them (97 per cent) were national or locally recruited personnel". */
function nationalClause(split: PersonnelSplit): string {
  if (split.total === 1)
    return split.national === 1 ? '; this worker was national or locally recruited' : '; this worker was internationally recruited';
  if (split.national === split.total) return '; all of them were national or locally recruited personnel';
  if (split.national === 0) return '; all of them were international personnel';
  const whom = split.national === 1 ? 'was national or locally recruited' : 'were national or locally recruited personnel';
  return `; ${number(split.national)} of them (${percent(share(split.national, split.total)!)}) ${whom}`;
}

/** "the International Criminal Court (under preliminary examination) and commissions of inquiry (2: 1 submitted and 1 acknowledged)". */
function byStatusList(items: CountedByStatus[]): string {
  return list(
    items.map(({ label, count: n, byStatus }) => {
      if (byStatus.length === 1) return `${label} (${n === 1 ? '' : `${number(n)}, `}${byStatus[0]!.label})`;
      return `${label} (${number(n)}: ${list(byStatus.map((status) => `${number(status.count)} ${status.label}`))})`;
    }),
  );
}

/** "shooting (120 incidents), kidnapping (45) and unknown means (5)". */
function incidentList(items: Counted[]): string {
  return list(
    items.map((item, index) => `${item.label} (${index === 0 ? count(item.count, 'incident', 'incidents') : number(item.count)})`),
  );
}

function changeClause(subject: string, moved: Change): string {
  const from = number(moved.previous);
  const to = number(moved.current);
  switch (moved.direction) {
    case 'up':
      return `${subject} rose from ${from} to ${to}, an increase of ${percent(moved.by)}`;
    case 'down':
      return `${subject} fell from ${from} to ${to}, a decrease of ${percent(moved.by)}`;
    case 'same':
      return moved.current === 0 ? `${subject} was zero in both periods` : `${subject} remained at ${to}`;
    case 'from_none':
      // No percentage can be given from zero.
      return `${subject} rose from zero to ${to}`;
  }
}

/** "9 of them (82 per cent) had been acknowledged". */
function acknowledgedClause(requests: number, acknowledged: number): string {
  if (acknowledged === 0) return 'none had been acknowledged';
  if (acknowledged === requests) return requests === 1 ? 'it had been acknowledged' : 'all had been acknowledged';
  return `${number(acknowledged)} of them (${percent(share(acknowledged, requests)!)}) had been acknowledged`;
}

/** "by 98 days" for one report, "the longest by 142 days" for several. */
function overdueBy(state: OverdueState): string {
  return `${state.reportsOverdue === 1 ? '' : 'the longest '}by ${count(state.maxDaysOverdue, 'day', 'days')}`;
}

/** English, as the Secretary-General's reports to the Security Council write it. */
export const EnglishReportText: ReportText = {
  languageTag: 'en',
  number,
  date,
  dateTime: (instant) => `${date(instant.slice(0, 10))}, ${instant.slice(11, 16)} UTC`,
  month: (month, withYear) => `${Months[Number(month.slice(5, 7)) - 1]!.slice(0, 3)}${withYear ? ` ${month.slice(0, 4)}` : ''}`,
  periodName,
  capitalize,
  tableLabel: (n) => `Table ${n}`,
  figureLabel: (n) => `Figure ${['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'][n - 1] ?? n}`,
  notApplicable: '—',

  labels: {
    harm: {
      killed: 'Killed',
      wounded: 'Wounded',
      kidnapped: 'Kidnapped',
      detained: 'Detained',
      missing: 'Missing',
      sexual_violence: 'Sexual violence',
    },
    assetType: {
      office_or_compound: 'offices or compounds',
      warehouse: 'warehouses',
      vehicle: 'vehicles',
      health_facility: 'health facilities',
      school: 'schools',
      residence: 'residences',
      convoy_or_supplies: 'convoys or supplies',
      other: 'other premises or assets',
    },
    perpetrator: {
      host_state_forces: 'forces of the host State',
      foreign_or_coalition_forces: 'foreign or coalition forces',
      police_or_paramilitary: 'police or paramilitary forces',
      state_unknown: 'State forces of unknown affiliation',
      non_state_armed_group_global: 'non-State armed groups with a global reach',
      non_state_armed_group_regional: 'non-State armed groups with a regional reach',
      non_state_armed_group_national: 'non-State armed groups with a national reach',
      non_state_armed_group_subnational: 'non-State armed groups with a subnational reach',
      non_state_armed_group_unknown: 'non-State armed groups of unknown reach',
      criminal: 'criminals',
      unaffiliated_individual: 'unaffiliated individuals',
      aid_recipient: 'aid recipients',
      staff_member: 'staff members',
      unknown: 'unidentified perpetrators',
    },
    means: {
      shooting: 'shooting',
      kidnapping: 'kidnapping',
      bodily_assault: 'bodily assault',
      aerial_bombardment: 'aerial bombardment',
      shelling: 'shelling',
      kidnap_killing: 'kidnapping followed by killing',
      roadside_ied: 'roadside improvised explosive devices',
      vehicle_borne_ied: 'vehicle-borne improvised explosive devices',
      body_borne_ied: 'body-borne improvised explosive devices',
      other_explosives: 'other explosive weapons',
      landmine: 'landmines',
      complex_attack: 'complex attacks',
      rape_or_sexual_assault: 'rape or sexual assault',
      detention: 'detention',
      unknown: 'unknown means',
    },
    mechanism: {
      international_criminal_court: 'the International Criminal Court',
      commission_of_inquiry: 'commissions of inquiry',
      fact_finding_mission: 'fact-finding missions',
      international_investigative_mechanism: 'international investigative mechanisms',
      international_or_hybrid_tribunal: 'international or hybrid tribunals',
      regional_human_rights_court: 'regional human rights courts',
    },
    referralStatus: {
      submitted: 'submitted',
      acknowledged: 'acknowledged',
      under_preliminary_examination: 'under preliminary examination',
      investigation_opened: 'investigation opened',
      declined: 'declined',
    },
    stage: {
      opened: 'opened',
      state_requested: 'State requested to investigate',
      state_acknowledged: 'request acknowledged',
      state_reporting: 'State reporting',
      determination_pending: 'determination pending',
      determined_unable_unwilling: 'determined unable or unwilling',
      referred: 'referred',
      closed: 'closed',
    },
    standard: {
      full: 'full',
      prompt: 'prompt',
      impartial: 'impartial',
      independent: 'independent',
      transparent: 'transparent',
      effective: 'effective',
    },
    rating: { met: 'met', partly_met: 'partly met', not_met: 'not met', cannot_assess: 'cannot be assessed' },
    trialStatus: {
      charges_filed: 'charges filed',
      pre_trial: 'pre-trial',
      at_trial: 'at trial',
      judgment_delivered: 'judgment delivered',
      on_appeal: 'on appeal',
      final: 'final judgment',
    },
    verdict: { convicted: 'conviction', acquitted: 'acquittal', dismissed: 'dismissal' },
    capacitySupportKind: {
      technical_assistance: 'technical assistance',
      expertise_exchange: 'exchange of expertise',
      independent_investigators_deployed: 'deployment of independent investigators',
    },
    capacitySupportStatus: { planned: 'planned', ongoing: 'ongoing', completed: 'completed', cancelled: 'cancelled' },
    survivorSupportKind: {
      legal_aid: 'legal aid',
      medical_care: 'medical care',
      psychosocial_support: 'psychosocial support',
      compensation: 'compensation',
      livelihood_restoration: 'restoration of livelihoods',
      victim_witness_protection: 'protection of victims and witnesses',
    },
    survivorSupportStatus: { not_needed: 'not needed', pending: 'pending', ongoing: 'ongoing', completed: 'completed' },
  },

  title: {
    title: 'Attacks on humanitarian and United Nations personnel and accountability',
    subtitle: 'Summary for the Security Council under resolution 2730 (2024)',
    details: (data) => [
      `Period: ${dateRange(data.period.from, data.period.to)}`,
      `Scope: ${data.scope.name}`,
      `Data as at ${EnglishReportText.dateTime(data.watermark.asOf)}`,
      `Reference: ${data.reference}`,
    ],
    watermark: (positions) => `Data watermark: ${positions}`,
  },

  headings: {
    introduction: 'Introduction',
    attacks: 'Attacks on personnel, premises and assets',
    accountability: 'Investigations and accountability',
    requests: 'Requests to concerned States and progress reports',
    assessments: 'Assessment of investigations',
    referrals: 'Determinations and referrals',
    prosecutions: 'Domestic prosecutions',
    capacity: 'Capacity support',
    survivors: 'Support to survivors and victims',
    observations: 'Observations',
    annex: 'Annex',
  },

  tables: {
    countries: (period) => ({
      title: `Countries with the most humanitarian personnel affected, ${periodName(period)}`,
      columns: [
        'Country',
        'Incidents',
        ...HarmTypes.map((harm) => EnglishReportText.labels.harm[harm]),
        'Total affected',
        'Of whom national or locally recruited',
      ],
    }),
    premises: (period) => ({
      title: `Incidents affecting humanitarian premises and assets, ${periodName(period)}`,
      columns: ['Premises or assets', 'Incidents', 'Of which United Nations', 'Of which destroyed'],
    }),
    states: (asOf) => ({
      title: `Requests to concerned States and progress reports, ${asAt(asOf)}`,
      columns: [
        'Concerned State',
        'Cases',
        'Requests',
        'Acknowledged',
        'Progress reports received',
        'Progress reports overdue',
        'Longest overdue (days)',
      ],
    }),
    assessments: (asOf) => ({
      title: `Latest assessment of each investigation against the six standards, ${asAt(asOf)}`,
      columns: ['Standard', ...StandardRatings.map((rating) => capitalize(EnglishReportText.labels.rating[rating]))],
    }),
    prosecutions: (asOf) => ({
      title: `Domestic prosecutions by stage and verdict, ${asAt(asOf)}`,
      columns: ['Stage', 'Verdict', 'Prosecutions', 'Accused persons'],
    }),
    survivorSupport: (asOf) => ({
      title: `Support to survivors and victims, ${asAt(asOf)}`,
      columns: ['Support', 'Status', 'Cases', 'Persons'],
    }),
    annex: (asOf) => ({
      title: `Cases followed up under recommendation 6, ${asAt(asOf)}`,
      columns: [
        'Case',
        'Concerned State',
        'Stage',
        'Days since request',
        'Progress reports received',
        'Progress reports overdue',
        'Referral',
      ],
    }),
  },

  csv: {
    countryCode: 'Country code',
    country: 'Country',
    year: 'Year',
    periodStart: 'Period start',
    periodEnd: 'Period end',
    incidents: 'Incidents',
    affected: 'Affected',
    split: (what, part) =>
      `${what}, ${{ national: 'national or locally recruited', international: 'international', total: 'total' }[part]}`,
  },

  charts: {
    incidentsByMonth: (period) => ({
      title: `Incidents affecting humanitarian personnel, premises or assets by month, ${periodName(period)}`,
      categoryTitle: 'Month',
      valueTitle: 'Incidents',
      series: 'Incidents',
    }),
    personnelByYear: () => ({
      title: 'Humanitarian personnel affected by year: national and locally recruited, and international',
      categoryTitle: 'Year',
      valueTitle: 'Personnel affected',
      national: 'National and locally recruited',
      international: 'International',
    }),
  },

  paragraphs: {
    mandate: () =>
      'The present summary is provided in the context of Security Council resolution 2730 (2024) on the protection of humanitarian ' +
      'personnel and United Nations and associated personnel. It follows recommendation 6 of the letter dated 22 November 2024 from the ' +
      'Secretary-General, on accountability for attacks against such personnel: requests to the concerned States to investigate (6.1), ' +
      `referrals to international mechanisms where a State is ${UnableOrUnwilling} (6.2), domestic prosecutions (6.3), ` +
      'support to national capacity (6.4) and support to survivors and victims (6.5).',

    coverage: (data) =>
      `The summary covers incidents in ${data.scope.name} from ${dateRange(data.period.from, data.period.to)}. ` +
      `Its figures are those recorded as at ${EnglishReportText.dateTime(data.watermark.asOf)}, the date to which days overdue are counted. ` +
      'National and locally recruited personnel are counted separately from international personnel. ' +
      'The summary contains no information on individual persons.',

    overview: (period, incidents, countries, affected) => {
      const when = capitalize(`in ${periodName(period)}`);
      if (incidents === 0) return `${when}, no incident affecting humanitarian personnel, premises or assets was recorded.`;
      const recorded =
        `${when}, ${count(incidents, 'incident', 'incidents')} affecting humanitarian personnel, premises or assets ${was(incidents)} recorded` +
        (countries > 0 ? ` in ${count(countries, 'country', 'countries')}.` : '.');
      const these = incidents === 1 ? 'this incident' : 'these incidents';
      if (affected.total === 0) return `${recorded} No humanitarian personnel were harmed in ${these}.`;
      return (
        `${recorded} In ${these}, ${count(affected.total, Personnel.one, Personnel.many)} ${was(affected.total)} killed, wounded, kidnapped, ` +
        `detained, reported missing or subjected to sexual violence${nationalClause(affected)}.`
      );
    },

    killed: (period, killed, countries) => {
      const when = capitalize(`in ${periodName(period)}`);
      if (killed.total === 0) return `${when}, no humanitarian personnel were recorded as killed.`;
      const where = countries > 0 ? ` in ${count(countries, 'country', 'countries')}` : '';
      return `${when}, ${count(killed.total, Personnel.one, Personnel.many)} ${was(killed.total)} killed${where}${nationalClause(killed)}.`;
    },

    otherHarms: (harms) => {
      const harmed = harms.filter((harm) => harm.count > 0);
      if (harmed.length === 0)
        return `In the same period, no humanitarian personnel were recorded as ${list(
          harms.map((harm) => HarmVerbs[harm.harm]),
          'or',
        )}.`;
      const clauses = harmed.map(({ harm, count: n }, index) =>
        index === 0
          ? `${count(n, Personnel.one, Personnel.many)} ${was(n)} ${HarmVerbs[harm]}`
          : `${number(n)} ${was(n)} ${HarmVerbs[harm]}`,
      );
      return `In the same period, ${list(clauses)}.`;
    },

    change: (previous, incidents, affected, killed) =>
      `Compared with ${periodName(previous)}, ` +
      list(
        [
          changeClause('the number of incidents', incidents),
          changeClause('the number of humanitarian personnel affected', affected),
          changeClause('the number killed', killed),
        ],
        'and',
        ';',
      ) +
      '.',

    topCountries: (tableLabel, shown, of, affectedShown, affectedAll) => {
      if (shown === of)
        return shown === 1
          ? `${tableLabel} gives the figures for the one country concerned.`
          : `${tableLabel} gives the figures for each of the ${number(shown)} countries concerned.`;
      const together = share(affectedShown, affectedAll);
      return (
        `${tableLabel} shows the ${number(shown)} countries, of ${number(of)}, in which the most humanitarian personnel were affected` +
        (together
          ? `; together they accounted for ${number(affectedShown)} of the ${number(affectedAll)} personnel affected (${percent(together)}).`
          : '.')
      );
    },

    premises: (period, assets, tableLabel) => {
      const when = capitalize(`in ${periodName(period)}`);
      if (assets.length === 0) return `${when}, no incident affecting humanitarian premises or assets was recorded.`;
      const hits = assets.map((asset, index) =>
        index === 0
          ? `${asset.label} were hit in ${count(asset.count, 'incident', 'incidents')}`
          : `${asset.label} in ${number(asset.count)}`,
      );
      return `${when}, ${list(hits)}. ${tableLabel} also shows in how many of these incidents United Nations premises or assets were hit and in how many the premises or assets were destroyed.`;
    },

    perpetrators: (period, categories) =>
      categories.length === 0
        ? `No alleged perpetrator was recorded for the incidents of ${periodName(period)}.`
        : `By category of alleged perpetrator, incidents were attributed to ${incidentList(categories)}. An incident may be attributed to more than one category.`,

    meansOfAttack: (period, means) =>
      means.length === 0
        ? `No means of attack was recorded for the incidents of ${periodName(period)}.`
        : `The means of attack recorded were ${incidentList(means)}. An incident may involve more than one means of attack.`,

    noCases: (asOf) =>
      `${capitalize(asAt(asOf))}, no case was being followed up under recommendation 6; there is therefore nothing to report on requests to ` +
      'concerned States, progress reports, assessments of investigations, referrals, prosecutions, capacity support or support to survivors and victims.',

    requests: (requests, states, casesRequested, cases, acknowledged, tableLabel) => {
      const figures = `${tableLabel} gives the figures for each concerned State.`;
      if (requests === 0) return `Under recommendation 6.1, no request to investigate had been addressed to a concerned State. ${figures}`;
      const inCases =
        casesRequested === cases
          ? count(cases, 'case', 'cases')
          : `${number(casesRequested)} of the ${count(cases, 'case', 'cases')} followed up`;
      return (
        `Under recommendation 6.1, ${count(requests, 'request', 'requests')} to investigate ${was(requests)} addressed to ` +
        `${count(states, 'concerned State', 'concerned States')} in ${inCases}; ${acknowledgedClause(requests, acknowledged)}. ${figures}`
      );
    },

    progressReports: (asOf, received, overdue) => {
      const submitted =
        received === 0
          ? 'No progress report had been received from the concerned States.'
          : `The concerned States had submitted ${count(received, 'progress report', 'progress reports')}.`;
      const late = overdue.reduce((sum, state) => sum + state.reportsOverdue, 0);
      if (late === 0) return `${submitted} ${capitalize(asAt(asOf))}, no progress report was overdue.`;
      return `${submitted} ${capitalize(asAt(asOf))}, ${count(late, 'progress report', 'progress reports')} ${was(late)} overdue: ${list(overdue.map((state) => `${number(state.reportsOverdue)} from ${state.stateName} (${overdueBy(state)})`))}.`;
    },

    assessments: (asOf, casesAssessed, notMet, tableLabel) => {
      if (casesAssessed === 0) return `${capitalize(asAt(asOf))}, no investigation had been assessed against ${SixStandards}.`;
      const assessed = `The latest assessments of the investigations in ${count(casesAssessed, 'case', 'cases')} rated them against ${SixStandards} (${see(tableLabel)}).`;
      if (notMet.length === 0) return `${assessed} No investigation was rated as failing to meet any of the standards.`;
      const article = (standard: string) => (/^[aeiou]/.test(standard) ? 'an' : 'a');
      const failures = notMet.map(({ label, count: n }, index) =>
        index === 0
          ? `the standard of ${article(label)} ${label} investigation was rated as not met in ${count(n, 'case', 'cases')}`
          : `that of ${article(label)} ${label} investigation in ${number(n)}`,
      );
      return `${assessed} ${capitalize(list(failures))}.`;
    },

    determinations: (determinations, referrals) => {
      const determined =
        determinations === 0
          ? `Under recommendation 6.2, no concerned State had been determined to be ${UnableOrUnwilling}`
          : `Under recommendation 6.2, the concerned State was determined to be ${UnableOrUnwilling} in ${count(determinations, 'case', 'cases')}`;
      const referred =
        referrals === 0
          ? 'no case had been referred to an international mechanism'
          : `${count(referrals, 'case', 'cases')} had been referred to an international mechanism`;
      return `${determined}; ${referred}.`;
    },

    referralsByMechanism: (mechanisms) => {
      const total = mechanisms.reduce((sum, mechanism) => sum + mechanism.count, 0);
      return `The ${total === 1 ? 'referral was' : 'referrals were'} made to ${byStatusList(mechanisms)}.`;
    },

    prosecutions: (prosecutions, accused, convictions, tableLabel) => {
      if (prosecutions === 0) return 'Under recommendation 6.3, no domestic prosecution had been recorded.';
      const recorded = `Under recommendation 6.3, ${count(prosecutions, 'domestic prosecution', 'domestic prosecutions')} of ${count(accused, 'accused person', 'accused persons')} ${was(prosecutions)} recorded`;
      const outcome =
        prosecutions === 1
          ? convictions === 1
            ? 'it had resulted in a conviction'
            : 'it had not resulted in a conviction'
          : convictions === 0
            ? 'none had resulted in a conviction'
            : `${number(convictions)} of them had resulted in a conviction`;
      return `${recorded}; ${outcome} (${see(tableLabel)}).`;
    },

    capacitySupport: (kinds) =>
      kinds.length === 0
        ? 'Under recommendation 6.4, no capacity support to a concerned State had been recorded.'
        : `Under recommendation 6.4, capacity support to concerned States was recorded as follows: ${byStatusList(kinds)}.`,

    survivorSupport: (lines, tableLabel) => {
      if (tableLabel === '') return 'Under recommendations 6.5 and 4.4, no support to survivors and victims had been recorded.';
      if (lines.length === 0)
        return `Under recommendations 6.5 and 4.4, support to survivors and victims was recorded as not needed (${see(tableLabel)}).`;
      const items = lines.map(
        (line) => `${line.kind} for ${count(line.persons, 'person', 'persons')} in ${count(line.cases, 'case', 'cases')}`,
      );
      return `Under recommendations 6.5 and 4.4, support to survivors and victims was recorded as follows: ${list(items)} (${see(tableLabel)}).`;
    },

    longOverdue: (days, states) =>
      states.length === 0
        ? `No concerned State had a progress report overdue by more than ${number(days)} days.`
        : `Progress reports were overdue by more than ${number(days)} days from ${count(states.length, 'concerned State', 'concerned States')}: ` +
          `${list(states.map((state) => `${state.stateName} (${count(state.reportsOverdue, 'report', 'reports')} overdue, ${overdueBy(state)})`))}.`,

    unreferredDeterminations: (cases) => {
      if (cases.length === 0)
        return `In every case in which the concerned State was determined to be ${UnableOrUnwilling}, a referral to an international mechanism had been made.`;
      const which = cases.map((row) => `${row.reference}, ${row.stateName}`).join('; ');
      return (
        `In ${count(cases.length, 'case', 'cases')} (${which}), the concerned State was determined to be ${UnableOrUnwilling}, ` +
        'and no referral to an international mechanism had been made.'
      );
    },

    nationalShare: (period, affected, killed) => {
      const affectedShare = share(affected.national, affected.total);
      if (!affectedShare) return `No humanitarian personnel were recorded as harmed in ${periodName(period)}.`;
      const killedShare = share(killed.national, killed.total);
      return (
        `National and locally recruited personnel accounted for ${number(affected.national)} of the ${number(affected.total)} humanitarian ` +
        `personnel affected in ${periodName(period)} (${percent(affectedShare)})` +
        (killedShare ? ` and for ${number(killed.national)} of the ${number(killed.total)} killed (${percent(killedShare)}).` : '.')
      );
    },

    noAnnexCases: (asOf) => `${capitalize(asAt(asOf))}, no case was being followed up under recommendation 6.`,
  },
};
