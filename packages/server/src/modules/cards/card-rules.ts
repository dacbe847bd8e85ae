import {
  dateToPeriod,
  readStatutoryClock,
  type ReplacementFeeRules,
  type StatutoryClock,
  type WorkingCalendar,
} from '@shebao/domain';
import type { CardsDeps } from './cards-deps.ts';

/** The region's card parameters in force on a day (docs/RULES.md 18.1, 18.4-18.6). */
export interface CardRules {
  letter: string;
  fee: ReplacementFeeRules;
  feeSource: string;
  temporaryLossDays: number;
  clock: StatutoryClock;
  calendar: WorkingCalendar;
}

export async function cardRulesOf(
  deps: Pick<CardsDeps, 'policy'>,
  regionCode: string,
  on: string,
): Promise<CardRules> {
  const book = await deps.policy.loadBook();
  const at = { regionCode, period: dateToPeriod(on) };
  const fee = book.require('cards.replacementFee', at);
  const calendar = book.find<{ holidays?: string[]; workingWeekendDays?: string[] }>(
    'calendar.workingDays',
    at,
  );
  return {
    letter: book.require<{ letter: string }>('cards.numbering', at).value.letter,
    fee: fee.value as unknown as ReplacementFeeRules,
    feeSource: fee.parameter.source,
    temporaryLossDays: book.require<number>('cards.temporaryLossDays', at).value,
    clock: book.require('cards.productionClock', at).value as unknown as StatutoryClock,
    calendar: {
      holidays: new Set(calendar?.value.holidays ?? []),
      workingWeekendDays: new Set(calendar?.value.workingWeekendDays ?? []),
    },
  };
}

/** The day the card is promised ready: the production clock from the day applied (docs/RULES.md 18.6). */
export function dueOnOf(rules: Pick<CardRules, 'clock' | 'calendar'>, appliedOn: string): string {
  return readStatutoryClock(appliedOn, rules.clock, [], rules.calendar, appliedOn).dueOn!;
}
