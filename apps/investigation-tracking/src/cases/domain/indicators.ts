import { IndicatorKinds } from '#contracts';
import type {
  AssessmentCriterion,
  IndicatorKind,
  InvestigationStandard,
  InvestigationStatus,
  JudicialSystemCondition,
  StandardRating,
} from '#contracts';
import { daysBetween, ReportingCalendar } from './reporting-calendar.js';
import type { CalendarDate, DueDate } from './reporting-calendar.js';

export interface StandardAssessment {
  standard: InvestigationStandard;
  rating: StandardRating;
  /** Criteria examined for this standard, each with what the officer found. */
  criteria: { criterion: AssessmentCriterion; satisfied: boolean }[];
  evidenceItemIds: string[];
}

export interface AssessmentFacts {
  assessedOn: CalendarDate;
  ratings: StandardAssessment[];
  judicialSystem: JudicialSystemCondition;
}

export interface ProgressFacts {
  receivedOn: CalendarDate;
  investigationStatus: InvestigationStatus;
  suspectsIdentified: number;
}

export interface IndicatorInput {
  today: CalendarDate;
  /** Days past a due date beyond which delay counts as unjustified. */
  delayThresholdDays: number;
  requestedOn?: CalendarDate;
  dueDates: readonly DueDate[];
  latestAssessment?: AssessmentFacts;
  latestProgressReport?: ProgressFacts;
}

export interface Indicator {
  kind: IndicatorKind;
  /** e.g. 'Rome Statute art. 17(2)(b)' */
  legalBasis: string;
  /** The facts behind it, in plain words with dates and counts; never names. */
  facts: string[];
}

const LegalBasis: Record<IndicatorKind, string> = {
  shielding: 'Rome Statute art. 17(2)(a)',
  unjustified_delay: 'Rome Statute art. 17(2)(b)',
  lack_of_independence_or_impartiality: 'Rome Statute art. 17(2)(c)',
  judicial_collapse: 'Rome Statute art. 17(3)',
};

/** What an unsatisfied criterion says, in plain words. */
const Findings = {
  investigators_independent: 'the investigators not independent of those implicated',
  conflicts_of_interest_examined: 'conflicts of interest not examined',
  power_to_compel: 'no power to compel the appearance of witnesses or the production of evidence',
} satisfies Partial<Record<AssessmentCriterion, string>>;

/** Recommends; a person decides. Each kind at most once, in the order of IndicatorKinds. */
export function deriveIndicators(input: IndicatorInput): Indicator[] {
  const facts: Record<IndicatorKind, string[]> = {
    shielding: shieldingFacts(input),
    unjustified_delay: delayFacts(input),
    lack_of_independence_or_impartiality: independenceFacts(input),
    judicial_collapse: judicialCollapseFacts(input),
  };
  return IndicatorKinds.filter((kind) => facts[kind].length > 0).map((kind) => ({
    kind,
    legalBasis: LegalBasis[kind],
    facts: facts[kind],
  }));
}

// Rome Statute art. 17(2)(a): proceedings undertaken for the purpose of shielding the person concerned.
function shieldingFacts({ latestProgressReport: report, latestAssessment: assessment }: IndicatorInput): string[] {
  const facts: string[] = [];
  if (report?.investigationStatus === 'closed_without_charges' && report.suspectsIdentified > 0) {
    facts.push(
      `the progress report received ${report.receivedOn} says the investigation was closed without charges although ${suspects(report.suspectsIdentified)} identified`,
    );
  }
  if (assessment && notMet(assessment, 'full') && notMet(assessment, 'effective')) {
    facts.push(`the assessment of ${assessment.assessedOn} rated both the full and the effective standard not met`);
  }
  return facts;
}

// Rome Statute art. 17(2)(b): an unjustified delay inconsistent with an intent to bring the person to justice.
function delayFacts({
  today,
  delayThresholdDays,
  requestedOn,
  dueDates,
  latestAssessment,
  latestProgressReport,
}: IndicatorInput): string[] {
  const facts: string[] = [];
  // Overdue is counted as the calendar counts it, so the two never disagree.
  for (const { dueDate, daysOverdue } of ReportingCalendar.of(dueDates).overdue(today)) {
    if (daysOverdue > delayThresholdDays) facts.push(`${labelOf(dueDate)} due ${dueDate.dueOn} is ${days(daysOverdue)} overdue`);
  }
  for (const dueDate of dueDates) {
    if (dueDate.fulfilledOn === undefined) continue;
    const daysLate = dueDate.daysLate ?? Math.max(0, daysBetween(dueDate.dueOn, dueDate.fulfilledOn));
    if (daysLate > delayThresholdDays) {
      facts.push(`${labelOf(dueDate)} due ${dueDate.dueOn} was received ${dueDate.fulfilledOn}, ${days(daysLate)} late`);
    }
  }
  if (latestAssessment && notMet(latestAssessment, 'prompt')) {
    facts.push(`the assessment of ${latestAssessment.assessedOn} rated the prompt standard not met`);
  }
  // An old request with an investigation still not started. With no progress report at all,
  // an overdue acknowledgement or first report is already a fact of the first rule above.
  if (requestedOn !== undefined && latestProgressReport?.investigationStatus === 'not_started') {
    const sinceRequest = daysBetween(requestedOn, today);
    if (sinceRequest > 2 * delayThresholdDays) {
      facts.push(
        `the progress report received ${latestProgressReport.receivedOn} says the investigation has not started, ${days(sinceRequest)} after the request of ${requestedOn}`,
      );
    }
  }
  return facts;
}

// Rome Statute art. 17(2)(c): proceedings not conducted independently or impartially.
function independenceFacts({ latestAssessment: assessment }: IndicatorInput): string[] {
  if (!assessment) return [];
  const facts = (['independent', 'impartial'] as const)
    .filter((standard) => notMet(assessment, standard))
    .map((standard) => `the assessment of ${assessment.assessedOn} rated the ${standard} standard not met`);
  for (const criterion of ['investigators_independent', 'conflicts_of_interest_examined'] as const) {
    if (unsatisfied(assessment, criterion)) facts.push(`the assessment of ${assessment.assessedOn} found ${Findings[criterion]}`);
  }
  return facts;
}

// Rome Statute art. 17(3): a total or substantial collapse or unavailability of the national judicial system.
function judicialCollapseFacts({ latestAssessment: assessment }: IndicatorInput): string[] {
  if (!assessment || assessment.judicialSystem === 'functioning') return [];
  const condition = assessment.judicialSystem === 'unavailable' ? 'unavailable' : 'substantially collapsed';
  const facts = [`the assessment of ${assessment.assessedOn} found the national judicial system ${condition}`];
  // Art. 17(3) asks whether the State is unable to obtain the accused or the necessary evidence and testimony.
  if (unsatisfied(assessment, 'power_to_compel'))
    facts.push(`the assessment of ${assessment.assessedOn} found ${Findings.power_to_compel}`);
  return facts;
}

function notMet(assessment: AssessmentFacts, standard: InvestigationStandard): boolean {
  return assessment.ratings.some((rating) => rating.standard === standard && rating.rating === 'not_met');
}

/** A standard the officer could not assess says nothing, its criteria included. */
function unsatisfied(assessment: AssessmentFacts, criterion: AssessmentCriterion): boolean {
  return assessment.ratings.some(
    (rating) =>
      rating.rating !== 'cannot_assess' && rating.criteria.some((finding) => finding.criterion === criterion && !finding.satisfied),
  );
}

function labelOf(dueDate: DueDate): string {
  return dueDate.kind === 'acknowledgement' ? 'acknowledgement' : `progress report ${dueDate.sequence}`;
}

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

function suspects(count: number): string {
  return count === 1 ? '1 suspect was' : `${count} suspects were`;
}
