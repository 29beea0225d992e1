// Auto Mode, Spot, growth and a line item in the browser: the capacity
// chart, presets; the saved scenario's figures on its link with JavaScript off.
import { test, expect } from '@playwright/test';
import { openWithoutJavaScript, saveAndGetLink } from './flows';

test('Auto Mode, Spot, growth and a line item, saved and reopened without JavaScript', async ({ page, browser }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText('$416k');

  await page.locator('#f-eks-auto_mode').check();
  await expect(page).toHaveURL(/eks\.auto_mode=true/);
  await page.locator('#f-eks-spot_share_pct').fill('50');
  await page.locator('#f-self_hosted-spot_share_pct').fill('50');
  await page.locator('#f-growth-workload_pct_per_year').fill('30');
  await expect(page).toHaveURL(/growth\.workload_pct_per_year=30/);

  // A line item in the first blank row; a second row appears on request.
  const items = page.getByTestId('line-items');
  await items.getByRole('button', { name: 'Add line item' }).click();
  await expect(items.locator('.line-item')).toHaveCount(4);
  await page.locator('#f-line_items-0-name').fill('Support contract');
  await page.locator('#f-line_items-0-option').selectOption('self_hosted');
  await page.locator('#f-line_items-0-per').selectOption('cluster');
  await page.locator('#f-line_items-0-monthly_usd').fill('500');
  await page.locator('#f-line_items-0-one_off_usd').fill('20000');
  // §8b of the spec: EKS is $461,617.99 cheaper over 36 months.
  await expect(verdict).toContainText('$462k');
  const table = page.getByTestId('money-table');
  await expect(table).toContainText('Node management');
  await expect(table).toContainText('Line items');
  await expect(table).toContainText('1,500.00');

  // The capacity chart: nodes per cluster over the horizon for both options.
  const capacity = page.locator('figure[data-chart="capacity"]');
  await expect(capacity).toBeVisible();
  await expect(capacity.locator('svg')).toContainText('Nodes per cluster');

  // A row with an amount but no name is an error beside that row.
  await page.locator('#f-line_items-1-monthly_usd').fill('10');
  await expect(page.locator('#f-line_items-1-name-error')).toContainText('is required');
  await items.getByRole('button', { name: 'Remove line item 2' }).click();
  await expect(page.locator('#f-line_items-1-name')).toHaveCount(0);
  await expect(verdict).toContainText('$462k');
  const figures = await table.innerText();

  const shareUrl = await saveAndGetLink(page, 'Auto Mode with growth');
  expect(errors).toEqual([]);

  const { page: managerPage, close } = await openWithoutJavaScript(browser, shareUrl);
  await expect(managerPage.getByTestId('verdict')).toContainText('$462k');
  expect(await managerPage.getByTestId('money-table').innerText()).toEqual(figures);
  await expect(managerPage.locator('figure[data-chart="capacity"] svg')).toBeVisible();
  await close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a preset fills the form and a blank line-item row submits as nothing', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Forty-cluster enterprise on Auto Mode' }).click();
    await expect(page.getByLabel('Clusters', { exact: true })).toHaveValue('40');
    await expect(page.locator('#f-eks-auto_mode')).toBeChecked();
    await expect(page.locator('#f-line_items-0-name')).toHaveValue('Enterprise support');
    // The form carries blank rows; submitting them adds no line item.
    await expect(page.locator('#f-line_items-1-name')).toHaveValue('');
    await page.locator('#f-line_items-1-name').fill('Licence');
    await page.locator('#f-line_items-1-monthly_usd').fill('250');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(page).toHaveURL(/Licence/);
    await expect(page.locator('#f-line_items-1-name')).toHaveValue('Licence');
    // The submit carried at least one row left blank ...
    await expect(page.locator('#f-line_items-2-name')).toHaveValue('');
    expect(new URL(page.url()).search).toMatch(/line_items(%5B|\[)2(%5D|\])\.name=(&|$)/);

    // ... and the scenario it makes holds the two named items and nothing else.
    await page.getByRole('textbox', { name: 'Scenario name' }).fill('Blank rows');
    await page.getByRole('button', { name: 'Save and get a link' }).click();
    await expect(page).toHaveURL(/\/s\/[0-9A-Za-z]{22}$/);
    const id = new URL(page.url()).pathname.split('/').pop();
    const saved = await (await page.request.get(`/api/v1/scenarios/${id}`)).json();
    expect(saved.input.line_items.map((item: { name: string }) => item.name))
      .toEqual(['Enterprise support', 'Licence']);
    expect(saved.input.line_items[1].monthly_usd).toBe(250);
  });
});
