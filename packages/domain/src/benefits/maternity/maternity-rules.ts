import type { Fen } from '../../money/index.ts';
import type { PolicyBook } from '../../policy/index.ts';
import type { Period } from '../../time/index.ts';
import type { RegionalRule } from '../death/index.ts';

/*
 * The rules of maternity benefits as policy parameters (docs/RULES.md 15.10–15.13): the statutory leave
 * days (WLP Art. 7, national), a region's extension of the leave and whether the fund pays for it, how the
 * allowance is paid and to whom, and the region's maternity medical benefit. A value that does not have the
 * shape below is refused with the parameter named, never guessed.
 */

/** `maternity.leave` (WLP Art. 7). */
export interface MaternityLeaveRule {
  baseDays: number;
  dystociaDays: number;
  perExtraBabyDays: number;
  miscarriageEarlyDays: number;
  miscarriageLateDays: number;
}

/** `maternity.leaveExtension`: the region's extra days and whether the fund pays the allowance for them. */
export interface LeaveExtensionRule {
  days: number;
  fundPays: boolean;
}

export const MATERNITY_PAYEES = ['employer', 'person'] as const;
export type MaternityPayee = (typeof MATERNITY_PAYEES)[number];

/** `maternity.allowance`. */
export interface MaternityAllowanceRule {
  daysPerMonth: number;
  payee: MaternityPayee;
}

export const BIRTH_KINDS = ['normal', 'dystocia', 'miscarriageEarly', 'miscarriageLate'] as const;
export type BirthKind = (typeof BIRTH_KINDS)[number];

/** `maternity.medical`. */
export type MaternityMedicalRule =
  { kind: 'lump-sum'; amountsFen: Record<BirthKind, Fen> } | { kind: 'actual'; capFen: Fen };

const isWhole = (value: unknown, min = 0): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

function refuse(name: string, reason: string): never {
  throw new RangeError(`${name}: ${reason}`);
}

export function parseMaternityLeaveRule(value: unknown, name = 'maternity.leave'): MaternityLeaveRule {
  const rule = value as Record<string, unknown> | null;
  const fields = [
    'baseDays',
    'dystociaDays',
    'perExtraBabyDays',
    'miscarriageEarlyDays',
    'miscarriageLateDays',
  ];
  for (const field of fields)
    if (!isWhole(rule?.[field])) refuse(name, `${field} must be a whole number of days`);
  const r = rule as unknown as MaternityLeaveRule;
  return {
    baseDays: r.baseDays,
    dystociaDays: r.dystociaDays,
    perExtraBabyDays: r.perExtraBabyDays,
    miscarriageEarlyDays: r.miscarriageEarlyDays,
    miscarriageLateDays: r.miscarriageLateDays,
  };
}

export function parseLeaveExtensionRule(
  value: unknown,
  name = 'maternity.leaveExtension',
): LeaveExtensionRule {
  const rule = value as Record<string, unknown> | null;
  if (!isWhole(rule?.days)) refuse(name, 'days must be a whole number');
  if (typeof rule.fundPays !== 'boolean') refuse(name, 'fundPays must be true or false');
  return { days: rule.days, fundPays: rule.fundPays };
}

export function parseMaternityAllowanceRule(
  value: unknown,
  name = 'maternity.allowance',
): MaternityAllowanceRule {
  const rule = value as Record<string, unknown> | null;
  if (!isWhole(rule?.daysPerMonth, 1)) refuse(name, 'daysPerMonth must be a whole number of at least 1');
  if (!MATERNITY_PAYEES.includes(rule.payee as MaternityPayee))
    refuse(name, `payee must be one of ${MATERNITY_PAYEES.join(', ')}`);
  return { daysPerMonth: rule.daysPerMonth, payee: rule.payee as MaternityPayee };
}

export function parseMaternityMedicalRule(value: unknown, name = 'maternity.medical'): MaternityMedicalRule {
  const rule = value as Record<string, unknown> | null;
  if (rule?.kind === 'actual') {
    if (!isWhole(rule.capFen)) refuse(name, 'capFen must be whole fen, not negative');
    return { kind: 'actual', capFen: rule.capFen };
  }
  if (rule?.kind === 'lump-sum') {
    const amounts = rule.amountsFen as Record<string, unknown> | undefined;
    for (const kind of BIRTH_KINDS)
      if (!isWhole(amounts?.[kind])) refuse(name, `amountsFen.${kind} must be whole fen, not negative`);
    return {
      kind: 'lump-sum',
      amountsFen: Object.fromEntries(BIRTH_KINDS.map((kind) => [kind, amounts![kind]])) as Record<
        BirthKind,
        Fen
      >,
    };
  }
  return refuse(name, 'kind must be "lump-sum" or "actual"');
}

type At = { regionCode: string; period: Period };

export function maternityLeaveRuleOf(book: PolicyBook, at: At): RegionalRule<MaternityLeaveRule> {
  const found = book.require('maternity.leave', at);
  return { rule: parseMaternityLeaveRule(found.value), source: found.parameter.source };
}

/** The region's extension in force, or null where it has none. */
export function leaveExtensionOf(book: PolicyBook, at: At): RegionalRule<LeaveExtensionRule> | null {
  const found = book.find('maternity.leaveExtension', at);
  return found ? { rule: parseLeaveExtensionRule(found.value), source: found.parameter.source } : null;
}

export function maternityAllowanceRuleOf(book: PolicyBook, at: At): RegionalRule<MaternityAllowanceRule> {
  const found = book.require('maternity.allowance', at);
  return { rule: parseMaternityAllowanceRule(found.value), source: found.parameter.source };
}

/** The region's maternity medical benefit, or null where it has none in the book. */
export function maternityMedicalRuleOf(book: PolicyBook, at: At): RegionalRule<MaternityMedicalRule> | null {
  const found = book.find('maternity.medical', at);
  return found ? { rule: parseMaternityMedicalRule(found.value), source: found.parameter.source } : null;
}
