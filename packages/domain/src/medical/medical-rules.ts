import { isRoundingMode, type Fen, type Ppm, type RoundingMode } from '../money/index.ts';
import type { PolicyBook } from '../policy/index.ts';
import type { Period } from '../time/index.ts';
import type { RegionalRule } from '../benefits/death/index.ts';

/*
 * The region's rules for what the basic medical pooling fund pays on a claim (docs/RULES.md 16.2), one
 * policy parameter per scheme: `medical.employeeBenefits` (SIL Arts. 23-32) and `medical.residentBenefits`
 * (GF-2016-3). A value that does not have the shape below is refused with the parameter and field named.
 */

/** What a claim is: one visit, stay or purchase at a designated institution or pharmacy. */
export const CLAIM_KINDS = ['outpatient', 'inpatient', 'pharmacy', 'chronic'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** The pooling fund's benefit lines, each with its own deductible, ratios and optional cap. */
export const BENEFIT_LINES = ['outpatient', 'inpatient', 'chronic'] as const;
export type BenefitLine = (typeof BENEFIT_LINES)[number];

/** Who the person is on the claim's day, which decides the deductible, the ratio and the caps. */
export const MEDICAL_PERSON_TYPES = ['in-service', 'retired', 'resident'] as const;
export type MedicalPersonType = (typeof MEDICAL_PERSON_TYPES)[number];

export const INSTITUTION_LEVELS = [1, 2, 3] as const;
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];

export type ByLevel<T> = Record<'1' | '2' | '3', T>;

export interface LineRule {
  /** The year's deductible of the line, by the level of the institution. */
  deductibleFen: ByLevel<Fen>;
  /** The share of the costs above the deductible the fund pays, by level. */
  ratioPpm: ByLevel<Ppm>;
  /** The most the fund pays on this line in a year; null: only the overall cap applies. */
  capFen: Fen | null;
}

export interface PersonTypeRule {
  /** The most the pooling fund pays for one person in a year, all lines together. */
  annualCapFen: Fen;
  lines: Record<BenefitLine, LineRule>;
}

export interface MedicalBenefitRule {
  personTypes: Partial<Record<MedicalPersonType, PersonTypeRule>>;
  /** Purchases at a designated pharmacy: the line they are pooled under and the level whose terms apply. */
  pharmacy: { line: BenefitLine; level: InstitutionLevel } | null;
  /** Rounding of the fund's share. */
  rounding: RoundingMode;
}

export const MEDICAL_SCHEMES = ['employee', 'resident'] as const;
export type MedicalScheme = (typeof MEDICAL_SCHEMES)[number];

const PARAMETER_OF_SCHEME = {
  employee: 'medical.employeeBenefits',
  resident: 'medical.residentBenefits',
} as const;

export function schemeOfPersonType(personType: MedicalPersonType): MedicalScheme {
  return personType === 'resident' ? 'resident' : 'employee';
}

const isWhole = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function refuse(name: string, reason: string): never {
  throw new RangeError(`${name}: ${reason}`);
}

function parseByLevel(value: unknown, name: string, max = Number.MAX_SAFE_INTEGER): ByLevel<number> {
  const table = value as Record<string, unknown> | null;
  for (const level of ['1', '2', '3'] as const) {
    const amount = table?.[level];
    if (!isWhole(amount) || amount > max) refuse(name, `level ${level} must be a whole number up to ${max}`);
  }
  return { '1': table!['1'] as number, '2': table!['2'] as number, '3': table!['3'] as number };
}

function parseLine(value: unknown, name: string): LineRule {
  const line = value as Record<string, unknown> | null;
  if (typeof line !== 'object' || line === null) refuse(name, 'must be an object');
  const capFen = line.capFen ?? null;
  if (capFen !== null && !isWhole(capFen)) refuse(name, 'capFen must be whole fen or null');
  return {
    deductibleFen: parseByLevel(line.deductibleFen, `${name}.deductibleFen`),
    ratioPpm: parseByLevel(line.ratioPpm, `${name}.ratioPpm`, 1_000_000),
    capFen,
  };
}

export function parseMedicalBenefitRule(value: unknown, name: string): MedicalBenefitRule {
  const rule = value as Record<string, unknown> | null;
  const types = rule?.personTypes as Record<string, unknown> | undefined;
  if (typeof types !== 'object' || types === null) refuse(name, 'personTypes must be an object');
  const personTypes: Partial<Record<MedicalPersonType, PersonTypeRule>> = {};
  for (const [type, typeValue] of Object.entries(types)) {
    if (!MEDICAL_PERSON_TYPES.includes(type as MedicalPersonType))
      refuse(name, `personTypes.${type} is not one of ${MEDICAL_PERSON_TYPES.join(', ')}`);
    const typeRule = typeValue as Record<string, unknown> | null;
    if (!isWhole(typeRule?.annualCapFen)) refuse(name, `personTypes.${type}.annualCapFen must be whole fen`);
    const lines = typeRule.lines as Record<string, unknown> | undefined;
    personTypes[type as MedicalPersonType] = {
      annualCapFen: typeRule.annualCapFen,
      lines: Object.fromEntries(
        BENEFIT_LINES.map((line) => [
          line,
          parseLine(lines?.[line], `${name}.personTypes.${type}.lines.${line}`),
        ]),
      ) as Record<BenefitLine, LineRule>,
    };
  }
  const pharmacy = rule!.pharmacy as Record<string, unknown> | null | undefined;
  if (pharmacy != null) {
    if (!BENEFIT_LINES.includes(pharmacy.line as BenefitLine))
      refuse(name, `pharmacy.line must be one of ${BENEFIT_LINES.join(', ')}`);
    if (!INSTITUTION_LEVELS.includes(pharmacy.level as InstitutionLevel))
      refuse(name, 'pharmacy.level must be 1, 2 or 3');
  }
  const rounding = rule!.rounding ?? 'half-up-fen';
  if (!isRoundingMode(rounding)) refuse(name, 'rounding must be a rounding mode such as half-up-fen');
  return {
    personTypes,
    pharmacy:
      pharmacy == null
        ? null
        : { line: pharmacy.line as BenefitLine, level: pharmacy.level as InstitutionLevel },
    rounding,
  };
}

/** The scheme's rule in force in the region in the claim's month. */
export function medicalBenefitRuleOf(
  book: PolicyBook,
  scheme: MedicalScheme,
  at: { regionCode: string; period: Period },
): RegionalRule<MedicalBenefitRule> {
  const name = PARAMETER_OF_SCHEME[scheme];
  const found = book.require(name, at);
  // A parameter row never changes (a change is a new row), so its parsed rule can be kept: real-time
  // settlement reads it on every claim.
  let parsed = parsedRules.get(found.parameter);
  if (!parsed) {
    parsed = { rule: parseMedicalBenefitRule(found.value, name), source: found.parameter.source };
    parsedRules.set(found.parameter, parsed);
  }
  return parsed;
}

const parsedRules = new WeakMap<object, RegionalRule<MedicalBenefitRule>>();
