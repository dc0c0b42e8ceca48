import { type AffiliationBreakdown, type GenderBreakdown, type HarmType, type PersonnelHarmCount } from '#contracts';
import type { FieldProblem } from '#domain';

/** Totals a source states beside its counts (AWSD's Total columns); each given one must agree. */
export interface DeclaredTotals {
  killed?: number;
  wounded?: number;
  kidnapped?: number;
  detained?: number;
  missing?: number;
  sexualViolence?: number;
  national?: number;
  international?: number;
  affected?: number;
}

export interface PersonnelFigures {
  personnel: readonly PersonnelHarmCount[];
  affiliationBreakdown?: AffiliationBreakdown;
  genderBreakdown?: GenderBreakdown;
  declaredTotals?: DeclaredTotals;
}

export interface CountCheck {
  /** Reasons to refuse the record. */
  problems: FieldProblem[];
  /** Kept as reported, but worth a second look. */
  warnings: string[];
}

const harmOfTotal: Record<keyof DeclaredTotals, (count: PersonnelHarmCount) => boolean> = {
  killed: (count) => count.harm === 'killed',
  wounded: (count) => count.harm === 'wounded',
  kidnapped: (count) => count.harm === 'kidnapped',
  detained: (count) => count.harm === 'detained',
  missing: (count) => count.harm === 'missing',
  sexualViolence: (count) => count.harm === 'sexual_violence',
  national: (count) => count.status === 'national',
  international: (count) => count.status === 'international',
  affected: () => true,
};

/** Total of the people counted under one harm (all statuses), or all of them. */
export function sumOf(personnel: readonly PersonnelHarmCount[], harm?: HarmType): number {
  return personnel.filter((count) => harm === undefined || count.harm === harm).reduce((total, count) => total + count.count, 0);
}

/**
 * The count rules: one entry per harm × status × affiliation × gender, so nothing is counted
 * twice; every declared total equals the sum of the counts it covers. Affiliation and gender
 * breakdowns reported apart from the harm counts (as AWSD does) are kept as given: AWSD's own
 * exports contain rows where they exceed the people affected, so a mismatch only warns.
 */
export function checkPersonnelFigures(figures: PersonnelFigures): CountCheck {
  const problems: FieldProblem[] = [];
  const warnings: string[] = [];
  const seen = new Map<string, number>();
  figures.personnel.forEach((count, index) => {
    const key = [count.harm, count.status, count.affiliation ?? '-', count.gender ?? '-'].join('/');
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else
      problems.push({
        field: `personnel.${index}`,
        problems: [`repeats the category of personnel.${first} (${key}); add the counts into one entry`],
      });
  });

  for (const [name, value] of Object.entries(figures.declaredTotals ?? {}) as [keyof DeclaredTotals, number | undefined][]) {
    if (value === undefined) continue;
    const counted = figures.personnel.filter(harmOfTotal[name]).reduce((total, count) => total + count.count, 0);
    if (counted !== value) {
      problems.push({ field: `declaredTotals.${name}`, problems: [`is ${value} but the personnel counts add up to ${counted}`] });
    }
  }

  const affected = sumOf(figures.personnel);
  for (const [name, breakdown] of [
    ['affiliationBreakdown', figures.affiliationBreakdown],
    ['genderBreakdown', figures.genderBreakdown],
  ] as const) {
    if (!breakdown) continue;
    const total = Object.values(breakdown).reduce((sum: number, value) => sum + (value ?? 0), 0);
    if (total !== affected) warnings.push(`${name} adds up to ${total} people, the harm counts to ${affected}; kept as reported`);
  }
  return { problems, warnings };
}
