// Steps several flows share: save the planner's scenario, and open a link in a
// browser without JavaScript, as a manager on a locked-down laptop would.
import { expect, type Browser, type Page } from '@playwright/test';

export async function saveAndGetLink(page: Page, name: string): Promise<string> {
  // By role: without JavaScript the box of the hidden save form is not one.
  await page.getByRole('textbox', { name: 'Scenario name' }).fill(name);
  await page.getByRole('button', { name: 'Save and get a link' }).click();
  await expect(page).toHaveURL(/\/s\/[0-9A-Za-z]{22}$/);
  return page.url();
}

export async function openWithoutJavaScript(browser: Browser, url: string) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('hydration-status')).toHaveText('static');
  return { page, close: () => context.close() };
}
