import type { Fen } from '../../money/index.ts';
import type { PolicyBook } from '../../policy/index.ts';
import type { Period } from '../../time/index.ts';

/*
 * The regional standards of the one-time benefits paid on a death (docs/RULES.md 14.10). The national
 * rule (人社部发〔2021〕18号 and the notices before it) says that the funeral grant and the survivors'
 * one-time benefit are paid from the pooling fund and leaves their standards to the provinces, so each is a
 * policy parameter per region, effective-dated, whose value is read here. A value that does not have the
 * shape below is refused with the parameter named, never guessed.
 */

/** `death.funeralGrant`: a fixed sum, or a number of months of a monthly base the region names. */
export type FuneralGrantRule =
  | { kind: 'fixed'; amountFen: Fen }
  | { kind: 'months-of-base'; months: number; monthlyBaseFen: Fen; base: string };

/**
 * `death.survivorsBenefit`: months of a monthly base by the deceased's whole contribution years (deemed
 * years included). The band with the highest `fromYears` not above the years applies; each year beyond its
 * `fromYears` adds `extraMonthsPerYear`; never more than `maxMonths`.
 */
export interface SurvivorsBenefitRule {
  monthlyBaseFen: Fen;
  base: string;
  bands: readonly { fromYears: number; months: number; extraMonthsPerYear: number }[];
  maxMonths: number;
}

/** `death.inheritance`: whether residents' government subsidies stay out of what heirs inherit. */
export interface InheritanceRule {
  excludeResidentsGovernmentSubsidy: boolean;
}

const isWhole = (value: unknown, min = 0): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min;

function refuse(name: string, reason: string): never {
  throw new RangeError(`${name}: ${reason}`);
}

export function parseFuneralGrantRule(value: unknown, name = 'death.funeralGrant'): FuneralGrantRule {
  const rule = value as Record<string, unknown> | null;
  if (rule?.kind === 'fixed') {
    if (!isWhole(rule.amountFen)) refuse(name, 'amountFen must be whole fen, not negative');
    return { kind: 'fixed', amountFen: rule.amountFen };
  }
  if (rule?.kind === 'months-of-base') {
    if (!isWhole(rule.months, 1)) refuse(name, 'months must be a whole number of at least 1');
    if (!isWhole(rule.monthlyBaseFen)) refuse(name, 'monthlyBaseFen must be whole fen, not negative');
    if (typeof rule.base !== 'string' || rule.base === '') refuse(name, 'base must say what the base is');
    return {
      kind: 'months-of-base',
      months: rule.months,
      monthlyBaseFen: rule.monthlyBaseFen,
      base: rule.base,
    };
  }
  return refuse(name, 'kind must be "fixed" or "months-of-base"');
}

export function parseSurvivorsBenefitRule(
  value: unknown,
  name = 'death.survivorsBenefit',
): SurvivorsBenefitRule {
  const rule = value as Record<string, unknown> | null;
  if (!rule || !isWhole(rule.monthlyBaseFen)) refuse(name, 'monthlyBaseFen must be whole fen, not negative');
  if (typeof rule.base !== 'string' || rule.base === '') refuse(name, 'base must say what the base is');
  if (!isWhole(rule.maxMonths, 1)) refuse(name, 'maxMonths must be a whole number of at least 1');
  if (!Array.isArray(rule.bands) || rule.bands.length === 0)
    refuse(name, 'bands must list at least one band');
  const bands = (rule.bands as unknown[]).map((band, index) => {
    const b = band as Record<string, unknown> | null;
    if (!b || !isWhole(b.fromYears) || !isWhole(b.months) || !isWhole(b.extraMonthsPerYear))
      refuse(name, `bands[${index}] needs whole fromYears, months and extraMonthsPerYear`);
    return { fromYears: b.fromYears, months: b.months, extraMonthsPerYear: b.extraMonthsPerYear };
  });
  if (bands[0]!.fromYears !== 0) refuse(name, 'the first band must start at 0 years');
  for (let index = 1; index < bands.length; index += 1)
    if (bands[index]!.fromYears <= bands[index - 1]!.fromYears)
      refuse(name, 'bands must be in rising order of fromYears');
  return { monthlyBaseFen: rule.monthlyBaseFen, base: rule.base, bands, maxMonths: rule.maxMonths };
}

export function parseInheritanceRule(value: unknown, name = 'death.inheritance'): InheritanceRule {
  const rule = value as Record<string, unknown> | null;
  if (typeof rule?.excludeResidentsGovernmentSubsidy !== 'boolean')
    refuse(name, 'excludeResidentsGovernmentSubsidy must be true or false');
  return { excludeResidentsGovernmentSubsidy: rule.excludeResidentsGovernmentSubsidy };
}

/** A rule as the book gives it for a region and month, with the document that set it. */
export interface RegionalRule<R> {
  rule: R;
  source: string;
}

export function funeralGrantRuleOf(
  book: PolicyBook,
  at: { regionCode: string; period: Period },
): RegionalRule<FuneralGrantRule> {
  const found = book.require('death.funeralGrant', at);
  return { rule: parseFuneralGrantRule(found.value), source: found.parameter.source };
}

export function survivorsBenefitRuleOf(
  book: PolicyBook,
  at: { regionCode: string; period: Period },
): RegionalRule<SurvivorsBenefitRule> {
  const found = book.require('death.survivorsBenefit', at);
  return { rule: parseSurvivorsBenefitRule(found.value), source: found.parameter.source };
}

export function inheritanceRuleOf(
  book: PolicyBook,
  at: { regionCode: string; period: Period },
): RegionalRule<InheritanceRule> {
  const found = book.require('death.inheritance', at);
  return { rule: parseInheritanceRule(found.value), source: found.parameter.source };
}
