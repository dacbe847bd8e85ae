// Ant Design's select, driven as a person does: open it, click the option by its text.
import type { Locator } from 'playwright-core';

/** Chooses an option of an Ant Design select by its text (the open list is rendered at the page's end). */
export async function choose(select: Locator, text: string): Promise<void> {
  await select.click();
  await select
    .page()
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}
