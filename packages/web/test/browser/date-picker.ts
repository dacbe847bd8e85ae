// Ant Design's date and month pickers (src/shell/date-field.tsx), driven as a person does: open the
// calendar, type the day, press Enter. Its input is the field a label names (getByLabel finds it).
import type { Locator } from 'playwright-core';

/** The calendar a picker input has open: Ant Design renders it at the end of the page, not beside the input. */
function openCalendar(input: Locator): Locator {
  return input.page().locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
}

/**
 * Clicks a picker's input and waits for its calendar. A dialog that is still opening first finishes
 * (its animation, then it takes the focus, which would close a calendar opened meanwhile).
 */
async function open(input: Locator): Promise<Locator> {
  await input.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  await input.click();
  const calendar = openCalendar(input);
  await calendar.waitFor();
  return calendar;
}

/** Enters a day (YYYY-MM-DD) or month (YYYY-MM) into a picker and waits until the field holds it. */
export async function pickDate(input: Locator, value: string): Promise<void> {
  await open(input);
  await input.fill(value);
  await input.press('Enter');
  await openCalendar(input).waitFor({ state: 'hidden' });
  const held = await input.inputValue();
  if (held !== value) throw new Error(`the picker holds ${held}, not ${value}: out of its bounds?`);
}

/** Opens a picker's calendar and reads it: its header, the weekday or month names, its buttons. */
export async function calendarText(input: Locator): Promise<string> {
  const calendar = await open(input);
  const text = await calendar.innerText();
  await input.press('Escape');
  await calendar.waitFor({ state: 'hidden' });
  return text;
}

/**
 * Types a day or month into a picker and presses Enter, as a person trying a day out of its bounds
 * would; gives back what the field holds then (the old value, where the picker refused the day).
 */
export async function typeDate(input: Locator, value: string): Promise<string> {
  await open(input);
  await input.fill(value);
  await input.press('Enter');
  // Refused or taken, the calendar closes.
  await openCalendar(input).waitFor({ state: 'hidden' });
  await input.blur();
  return input.inputValue();
}

/** The day `days` after (before, when negative) a YYYY-MM-DD day, counted on the calendar alone. */
export function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The month `months` after (before, when negative) a YYYY-MM month. */
export function shiftMonth(month: string, months: number): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 7);
}

/** A month's English short name as Ant Design's calendar shows it ("Dec"). */
export function englishShortMonth(month: string): string {
  return ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    Number(month.slice(5, 7)) - 1
  ]!;
}
