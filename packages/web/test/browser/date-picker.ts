// Ant Design's date and month pickers (src/shell/date-field.tsx), driven as a person does: open the
// calendar, type the day, press Enter. Its input is the field a label names (getByLabel finds it).
import type { Locator } from 'playwright-core';
import { expect } from 'vitest';

/** The calendar a picker input has open: Ant Design renders it at the end of the page, not beside the input. */
function openCalendar(input: Locator): Locator {
  return input.page().locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden)');
}

/** Enters a day (YYYY-MM-DD) or month (YYYY-MM) into a picker and waits until the field holds it. */
export async function pickDate(input: Locator, value: string): Promise<void> {
  await input.click();
  await openCalendar(input).waitFor();
  await input.fill(value);
  await input.press('Enter');
  await expect.poll(() => input.inputValue()).toBe(value);
  await openCalendar(input).waitFor({ state: 'hidden' });
}

/** Opens a picker's calendar and reads it: its header, the weekday or month names, its buttons. */
export async function calendarText(input: Locator): Promise<string> {
  await input.click();
  const calendar = openCalendar(input);
  await calendar.waitFor();
  const text = await calendar.innerText();
  await input.press('Escape');
  await calendar.waitFor({ state: 'hidden' });
  return text;
}

/** Whether a day or month (its cell's title, YYYY-MM-DD or YYYY-MM) can be picked in the open calendar. */
export async function cellDisabled(input: Locator, value: string): Promise<boolean> {
  await input.click();
  const calendar = openCalendar(input);
  await calendar.waitFor();
  const disabled = await calendar
    .locator(`td[title="${value}"]`)
    .evaluate((cell) => cell.classList.contains('ant-picker-cell-disabled'));
  await input.press('Escape');
  await calendar.waitFor({ state: 'hidden' });
  return disabled;
}
