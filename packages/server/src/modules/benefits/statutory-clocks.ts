import { dateToPeriod } from '@shebao/domain';
import type { BenefitsDeps } from './benefits-deps.ts';

export interface DaysClock {
  days: number;
  unit: 'calendar-days' | 'working-days';
  source: string;
}

export interface MonthsClock {
  months: number;
  unit: 'months';
  source: string;
}

async function entryOf(
  deps: Pick<BenefitsDeps, 'policy'>,
  regionCode: string,
  onDate: string,
  name: string,
): Promise<DaysClock | MonthsClock> {
  const book = await deps.policy.loadBook();
  const table = book.require<Record<string, DaysClock | MonthsClock>>('benefits.statutoryClocks', {
    regionCode,
    period: dateToPeriod(onDate),
  }).value;
  const entry = table[name];
  if (!entry) throw new Error(`benefits.statutoryClocks has no ${name}`);
  return entry;
}

/** A statutory clock counted in days, in force on a day (docs/RULES.md 15.14). */
export async function statutoryDays(
  deps: Pick<BenefitsDeps, 'policy'>,
  regionCode: string,
  onDate: string,
  name: string,
): Promise<DaysClock> {
  const entry = await entryOf(deps, regionCode, onDate, name);
  if (entry.unit === 'months') throw new Error(`benefits.statutoryClocks ${name} is counted in months`);
  return entry;
}

/** A statutory clock counted in months (a year: 12), in force on a day. */
export async function statutoryMonths(
  deps: Pick<BenefitsDeps, 'policy'>,
  regionCode: string,
  onDate: string,
  name: string,
): Promise<MonthsClock> {
  const entry = await entryOf(deps, regionCode, onDate, name);
  if (entry.unit !== 'months') throw new Error(`benefits.statutoryClocks ${name} is counted in days`);
  return entry;
}
