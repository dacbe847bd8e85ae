import type { Fen, Ppm } from '../../money/index.ts';
import type { PolicyBook } from '../../policy/index.ts';
import { NATIONAL_REGION } from '../../policy/index.ts';
import type { Period } from '../../time/index.ts';
import type { RegionalRule } from '../death/index.ts';

/*
 * The statutory tables of work-injury insurance (WIIR as revised by Decree 586, in force 2011-01-01), kept
 * as national policy parameters so that a revision of the regulation is a new version, not a code change
 * (docs/RULES.md 15.1–15.5). A value that does not have the shape below is refused with the parameter
 * named, never guessed.
 */

export const DISABILITY_GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
export type DisabilityGrade = (typeof DISABILITY_GRADES)[number];

export const NURSING_LEVELS = ['none', 'full', 'most', 'part'] as const;
export type NursingLevel = (typeof NURSING_LEVELS)[number];

export type AllowancePayer = 'fund' | 'employer';

export interface GradeRow {
  grade: DisabilityGrade;
  /** Months of own wage paid once (WIIR Arts. 35-37). */
  subsidyMonths: number;
  /** Monthly disability allowance as a share of own wage; 0 where the grade has none. */
  allowancePpm: Ppm;
  allowancePayer: AllowancePayer | null;
  /** Whether the allowance is topped up to the local minimum wage (WIIR Arts. 35, 36). */
  minimumWageFloor: boolean;
}

/** `workInjury.benefitTables`. */
export interface InjuryBenefitTables {
  ownWage: { floorPpm: Ppm; ceilingPpm: Ppm };
  grades: readonly GradeRow[];
  nursingPpm: Record<Exclude<NursingLevel, 'none'>, Ppm>;
}

/** `workInjury.deathBenefits` (WIIR Art. 39). */
export interface InjuryDeathRule {
  funeralMonths: number;
  oneTimeIncomeYears: number;
  spousePpm: Ppm;
  otherDependentPpm: Ppm;
  extraPpm: Ppm;
}

const isWhole = (value: unknown, min = 0): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

function refuse(name: string, reason: string): never {
  throw new RangeError(`${name}: ${reason}`);
}

export function parseInjuryBenefitTables(
  value: unknown,
  name = 'workInjury.benefitTables',
): InjuryBenefitTables {
  const table = value as Record<string, unknown> | null;
  const ownWage = table?.ownWage as Record<string, unknown> | undefined;
  if (!ownWage || !isWhole(ownWage.floorPpm) || !isWhole(ownWage.ceilingPpm, 1))
    refuse(name, 'ownWage needs whole floorPpm and ceilingPpm');
  if (ownWage.floorPpm > ownWage.ceilingPpm) refuse(name, 'ownWage.floorPpm must not exceed ceilingPpm');
  if (!Array.isArray(table!.grades) || table!.grades.length !== DISABILITY_GRADES.length)
    refuse(name, 'grades must list grades 1 to 10');
  const grades = (table!.grades as unknown[]).map((row, index) => {
    const r = row as Record<string, unknown> | null;
    if (!r || r.grade !== index + 1) refuse(name, `grades[${index}] must be grade ${index + 1}`);
    if (!isWhole(r.subsidyMonths) || !isWhole(r.allowancePpm))
      refuse(name, `grades[${index}] needs whole subsidyMonths and allowancePpm`);
    if (r.allowancePayer !== 'fund' && r.allowancePayer !== 'employer' && r.allowancePayer !== null)
      refuse(name, `grades[${index}].allowancePayer must be "fund", "employer" or null`);
    if ((r.allowancePayer === null) !== (r.allowancePpm === 0))
      refuse(name, `grades[${index}]: an allowance needs a payer, and a payer an allowance`);
    if (typeof r.minimumWageFloor !== 'boolean')
      refuse(name, `grades[${index}].minimumWageFloor must be true or false`);
    return {
      grade: r.grade as DisabilityGrade,
      subsidyMonths: r.subsidyMonths,
      allowancePpm: r.allowancePpm,
      allowancePayer: r.allowancePayer as AllowancePayer | null,
      minimumWageFloor: r.minimumWageFloor,
    };
  });
  const nursing = table!.nursingPpm as Record<string, unknown> | undefined;
  if (!nursing || !isWhole(nursing.full) || !isWhole(nursing.most) || !isWhole(nursing.part))
    refuse(name, 'nursingPpm needs whole full, most and part');
  return {
    ownWage: { floorPpm: ownWage.floorPpm, ceilingPpm: ownWage.ceilingPpm },
    grades,
    nursingPpm: { full: nursing.full, most: nursing.most, part: nursing.part },
  };
}

export function parseInjuryDeathRule(value: unknown, name = 'workInjury.deathBenefits'): InjuryDeathRule {
  const rule = value as Record<string, unknown> | null;
  const fields = ['funeralMonths', 'oneTimeIncomeYears', 'spousePpm', 'otherDependentPpm', 'extraPpm'];
  for (const field of fields) if (!isWhole(rule?.[field])) refuse(name, `${field} must be a whole number`);
  const r = rule as unknown as InjuryDeathRule;
  return {
    funeralMonths: r.funeralMonths,
    oneTimeIncomeYears: r.oneTimeIncomeYears,
    spousePpm: r.spousePpm,
    otherDependentPpm: r.otherDependentPpm,
    extraPpm: r.extraPpm,
  };
}

export function injuryBenefitTablesOf(
  book: PolicyBook,
  at: { regionCode: string; period: Period },
): RegionalRule<InjuryBenefitTables> {
  const found = book.require('workInjury.benefitTables', at);
  return { rule: parseInjuryBenefitTables(found.value), source: found.parameter.source };
}

export function injuryDeathRuleOf(
  book: PolicyBook,
  at: { regionCode: string; period: Period },
): RegionalRule<InjuryDeathRule> {
  const found = book.require('workInjury.deathBenefits', at);
  return { rule: parseInjuryDeathRule(found.value), source: found.parameter.source };
}

/**
 * The national urban per-capita disposable income of a year (yearly fen) with its source: the one-time
 * work-death subsidy uses the year before the death (docs/RULES.md 15.4).
 */
export function urbanDisposableIncomeOf(book: PolicyBook, year: number): { incomeFen: Fen; source: string } {
  const found = book.require<number>('statistics.urbanDisposableIncome', {
    regionCode: NATIONAL_REGION,
    period: `${year}-12`,
  });
  return { incomeFen: found.value, source: found.parameter.source };
}
