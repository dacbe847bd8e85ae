import { findRegion, isPeriod, parseScaledDecimal, type BusinessDate, type Period } from '@shebao/domain';
import { dateProblem } from '../shared/business-date.ts';
import { CliUsageError } from './cli-error.ts';

/** Wraps a domain parser so that its error names the command-line argument instead of the field. */
function asArgument<T>(argument: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^[\w.[\]-]+: /, '') : String(error);
    throw new CliUsageError(argument, reason);
  }
}

export function parseYuanArgument(argument: string, text: string): number {
  const fen = asArgument(argument, () => parseScaledDecimal(text, 2, argument));
  if (fen < 0) throw new CliUsageError(argument, `"${text}" must not be negative`);
  return fen;
}

/** A decimal with up to `scale` places as an integer of 10^-scale units (e.g. years 30.5 -> 3050 with scale 2). */
export function parseDecimalArgument(argument: string, text: string, scale: number): number {
  const value = asArgument(argument, () => parseScaledDecimal(text, scale, argument));
  if (value < 0) throw new CliUsageError(argument, `"${text}" must not be negative`);
  return value;
}

export function parsePeriodArgument(argument: string, text: string): Period {
  if (!isPeriod(text)) throw new CliUsageError(argument, `"${text}" is not a month in the form YYYY-MM`);
  return text;
}

/** A business date argument, checked like every route's dates (src/shared/business-date.ts). */
export function parseDateArgument(argument: string, text: string, earliest?: BusinessDate): BusinessDate {
  const problem = dateProblem(text.trim(), earliest);
  if (problem) throw new CliUsageError(argument, `"${text}" ${problem}`);
  return text.trim();
}

export function parseIntegerArgument(argument: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new CliUsageError(argument, `"${text}" must be a whole number from ${min} to ${max}`);
  }
  return Number(text);
}

export function parseChoiceArgument<T extends string>(
  argument: string,
  text: string,
  choices: readonly T[],
): T {
  if (!(choices as readonly string[]).includes(text)) {
    throw new CliUsageError(argument, `"${text}" must be one of ${choices.join(', ')}`);
  }
  return text as T;
}

export function parseRegionArgument(argument: string, text: string): string {
  if (!/^\d{6}$/.test(text))
    throw new CliUsageError(argument, `"${text}" is not a 6-digit GB/T 2260 region code`);
  return text;
}

/** "60", "60y3m" or "60.25" (years) -> months. */
export function parseAgeArgument(argument: string, text: string): number {
  const match = /^(\d{1,3})(?:y(\d{1,2})m)?$/.exec(text);
  if (match) {
    const months = Number(match[2] ?? 0);
    if (months > 11) throw new CliUsageError(argument, `"${text}" has more than 11 extra months`);
    return Number(match[1]) * 12 + months;
  }
  const hundredths = parseDecimalArgument(argument, text, 2);
  if ((hundredths * 12) % 100 !== 0) {
    throw new CliUsageError(argument, `"${text}" is not a whole number of months; write it as 60y3m`);
  }
  return (hundredths * 12) / 100;
}

/** An amount in yuan that must be above zero (an average wage a share is taken of). */
export function parsePositiveYuanArgument(argument: string, text: string): number {
  const fen = parseYuanArgument(argument, text);
  if (fen === 0) throw new CliUsageError(argument, `"${text}" must be above zero`);
  return fen;
}

/** A region code that names a listed province or prefecture, or a county of a listed one. */
export function parseKnownRegionArgument(argument: string, text: string): string {
  const code = parseRegionArgument(argument, text);
  const known = findRegion(code) ?? (code.endsWith('00') ? undefined : findRegion(`${code.slice(0, 4)}00`));
  if (!known) throw new CliUsageError(argument, `"${text}" is not a known region`);
  return code;
}
