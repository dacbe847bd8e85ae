import {
  CATEGORIES,
  formatPpmAsPercent,
  INSURANCES,
  PARTIES,
  isParameterName,
  isRoundingMode,
  PARAMETER_CATALOGUE,
  parsePercentToPpm,
  parseYuanToFen,
  parseFuneralGrantRule,
  parseInheritanceRule,
  parseSurvivorsBenefitRule,
  type ParameterKind,
} from '@shebao/domain';
import { formatYuan } from '../../shell/format.ts';

/**
 * A policy parameter's value as staff read and type it, by the catalogue's kind: amounts in yuan (stored
 * as fen), rates in percent (stored as ppm), months and counts as whole numbers, rounding modes by name,
 * tables as JSON. The conversions are the domain's decimal text functions: no floats.
 */

/** Every parameter a version may be proposed for, and the values each scope dimension takes. */
export const PARAMETER_NAMES = Object.keys(PARAMETER_CATALOGUE).sort();
export const DIMENSION_VALUES = { insurance: INSURANCES, party: PARTIES, category: CATEGORIES } as const;

export function kindOf(name: string): ParameterKind | undefined {
  return isParameterName(name) ? PARAMETER_CATALOGUE[name].kind : undefined;
}

export function dimensionsOf(name: string): readonly ('insurance' | 'party' | 'category')[] {
  return isParameterName(name) ? PARAMETER_CATALOGUE[name].dimensions : [];
}

/**
 * How a table's fields are named for the reader ("开户银行" for "bank"), and the marks between a name
 * and its value and between fields; a field without a name leaves the table shown as JSON.
 */
export interface TableFieldNames {
  label(field: string): string | undefined;
  /** A table the catalogue knows the shape of, said in words (the standards of the death benefits). */
  rule?(name: string, value: unknown): string | undefined;
  colon: string;
  separator: string;
}

/** The names of table fields in the reader's language, from staffPages.terms.tableFields. */
export function tableFieldNames(t: Translate, language: string): TableFieldNames {
  const chinese = language.startsWith('zh');
  const separator = chinese ? '；' : '; ';
  return {
    label: (field) => t(`staffPages.terms.tableFields.${field}`, { defaultValue: '' }) || undefined,
    rule: (name, value) => deathRuleText(t, name, value, separator),
    colon: chinese ? '：' : ': ',
    separator,
  };
}

/**
 * The stored value shown for people: "¥7,162.00", "16%", "15", "half-up-fen"; a table of named text
 * fields as "开户银行：…；户名：…" when every field has a name, else compact JSON.
 */
export function formatParameterValue(name: string, value: unknown, fields?: TableFieldNames): string {
  const described = fields?.rule?.(name, value);
  if (described) return described;
  const kind = kindOf(name);
  if (typeof value === 'number' && kind === 'fen') return formatYuan(value);
  if (typeof value === 'number' && kind === 'ppm') return formatPpmAsPercent(value);
  if (typeof value === 'number' || typeof value === 'string') return String(value);
  if (fields && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    const named = entries.map(([field, item]) => ({ label: fields.label(field), item }));
    if (
      entries.length &&
      named.every(({ label, item }) => label !== undefined && ['string', 'number'].includes(typeof item))
    )
      return named.map(({ label, item }) => `${label}${fields.colon}${String(item)}`).join(fields.separator);
  }
  return JSON.stringify(value);
}

export type ParsedValue = { ok: true; value: unknown } | { ok: false; reason: 'required' | 'invalid' };

/** The value typed for a parameter of `name`, in the stored unit; why not, when it cannot be read. */
export function parseParameterValue(name: string, text: string): ParsedValue {
  const typed = text.trim();
  if (typed === '') return { ok: false, reason: 'required' };
  try {
    switch (kindOf(name)) {
      case 'fen':
        return { ok: true, value: parseYuanToFen(typed, 'value') };
      case 'ppm':
        return { ok: true, value: parsePercentToPpm(typed.replace(/%$/, ''), 'value') };
      case 'months':
      case 'integer':
        return /^\d{1,9}$/.test(typed)
          ? { ok: true, value: Number(typed) }
          : { ok: false, reason: 'invalid' };
      case 'rounding-mode':
        return isRoundingMode(typed) ? { ok: true, value: typed } : { ok: false, reason: 'invalid' };
      case 'table': {
        const value: unknown = JSON.parse(typed);
        return typeof value === 'object' && value !== null
          ? { ok: true, value }
          : { ok: false, reason: 'invalid' };
      }
      case undefined:
        return { ok: false, reason: 'invalid' };
    }
  } catch {
    return { ok: false, reason: 'invalid' };
  }
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The regional standards of the benefits on a death (docs/RULES.md 14.10) in words, read with the domain's
 * own parsers; a value of another shape is left to the JSON (undefined).
 */
function deathRuleText(t: Translate, name: string, value: unknown, separator: string): string | undefined {
  const R = 'staffPages.terms.deathRules';
  try {
    if (name === 'death.funeralGrant') {
      const rule = parseFuneralGrantRule(value);
      return rule.kind === 'fixed'
        ? t(`${R}.fixed`, { amount: formatYuan(rule.amountFen) })
        : t(`${R}.monthsOfBase`, { months: rule.months, base: formatYuan(rule.monthlyBaseFen) });
    }
    if (name === 'death.survivorsBenefit') {
      const rule = parseSurvivorsBenefitRule(value);
      return t(`${R}.survivors`, {
        base: formatYuan(rule.monthlyBaseFen),
        max: rule.maxMonths,
        bands: rule.bands
          .map((band) =>
            t(`${R}.band`, { from: band.fromYears, months: band.months, extra: band.extraMonthsPerYear }),
          )
          .join(separator),
      });
    }
    if (name === 'death.inheritance')
      return parseInheritanceRule(value).excludeResidentsGovernmentSubsidy
        ? t(`${R}.excludeSubsidy`)
        : t(`${R}.wholeBalance`);
  } catch {
    return undefined;
  }
  return undefined;
}

/** A parameter's name for people ("缴费基数下限" for base.floor); a name added later shows as it is. */
export function parameterLabel(t: Translate, name: string): string {
  return t(`staffPages.terms.parameters.${name}`, { defaultValue: name });
}

/**
 * A source as written, and the tag the seeds end it with: "[R]" the value was checked against the
 * published document, "[U]" not yet (the page says so in words instead of showing the letter).
 */
export function sourceParts(source: string): { text: string; tag: 'R' | 'U' | null } {
  const match = /^(.*?)\s*\[(R|U)\]\s*$/.exec(source);
  return match ? { text: match[1]!, tag: match[2] as 'R' | 'U' } : { text: source, tag: null };
}

/** A parameter picker finds a parameter by its name in the reader's language or by its catalogue key. */
export const parameterSearch = {
  filterOption: (input: string, option?: { value?: unknown; label?: unknown }) => {
    const typed = input.trim().toLowerCase();
    return [option?.value, option?.label].some((text) =>
      String(text ?? '')
        .toLowerCase()
        .includes(typed),
    );
  },
};
