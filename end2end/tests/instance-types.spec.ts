// Instance-type boxes take any of the catalog's 1,345 types. With JavaScript
// typing asks the server for the types it may mean and fills the box's own
// datalist; without it the catalog page searches and pages the whole list,
// and a typo comes back with the nearest names beside the box.
import { test, expect, type Page } from '@playwright/test';
import { openWithoutJavaScript } from './flows';

/** The option values of the datalist of the box `id`. */
async function offered(page: Page, id: string) {
  return page.locator(`datalist#${id}-types option`).evaluateAll((options) =>
    options.map((o) => `${(o as HTMLOptionElement).value} ${o.textContent}`));
}

test('typing part of a type offers catalog types, and a type outside the classic 11 calculates', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await page.getByTestId('to-fleet').click();
  const box = page.locator('#f-fleet-0-pools-0-instance_type');
  await expect(box).toBeVisible();
  const before = await page.getByTestId('pools-table').innerText();

  await box.fill('');
  await box.pressSequentially('m7g.4x');
  await expect.poll(() => offered(page, 'f-fleet-0-pools-0-instance_type'))
    .toContain('m7g.4xlarge 16 vCPU, 64 GiB, arm64, $0.6528/h');

  await box.fill('c7gn.2xlarge');
  await expect(page).toHaveURL(/instance_type=c7gn\.2xlarge/);
  await expect(page.locator('#f-fleet-0-pools-0-instance_type-error')).toBeEmpty();
  await expect(page.getByTestId('pools-table')).not.toHaveText(before);

  // The plain planner's workers box does the same.
  await page.goto('/');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  const report = await page.locator('.report').innerText();
  const workers = page.locator('#f-workers-instance_type');
  await workers.fill('r7i.2x');
  await expect.poll(() => offered(page, 'f-workers-instance_type'))
    .toContainEqual(expect.stringMatching(/^r7i\.2xlarge 8 vCPU, 64 GiB, amd64, \$/));
  await workers.fill('c7gn.2xlarge');
  await expect(page).toHaveURL(/workers\.instance_type=c7gn\.2xlarge/);
  await expect(page.locator('#f-workers-instance_type-error')).toBeEmpty();
  await expect(page.locator('.report')).not.toHaveText(report);
  expect(errors).toEqual([]);
});

test.describe('without JavaScript', () => {
  test('the catalog page finds a type by name and pages through the rest', async ({ browser }) => {
    const { page, close } = await openWithoutJavaScript(browser, '/');
    await page.getByRole('link', { name: 'Browse all 1,345 types' }).first().click();
    await expect(page).toHaveURL(/\/catalog$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instance catalog');

    await page.getByLabel('Name contains').fill('c7gn.2x');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('catalog-count')).toHaveText('1 type matches.');
    const row = page.getByTestId('catalog-table').locator('tbody tr');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('c7gn.2xlarge');

    await page.getByLabel('Name contains').fill('xlarge');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page.getByTestId('catalog-count')).toContainText('this page shows 100');
    const last = await page.locator('tbody tr').last().locator('th').innerText();
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect(page).toHaveURL(/q=xlarge&cursor=/);
    const first = await page.locator('tbody tr').first().locator('th').innerText();
    expect(first > last, `${first} after ${last}`).toBe(true);
    await expect(page.getByLabel('Name contains')).toHaveValue('xlarge');
    await page.getByRole('link', { name: 'First page' }).click();
    await expect(page.locator('tbody tr').last().locator('th')).toHaveText(last);
    await close();
  });

  test('a mistyped type names the nearest catalog types beside its box', async ({ browser }) => {
    const { page, close } = await openWithoutJavaScript(browser, '/');
    await page.locator('#f-workers-instance_type').fill('m6i.xlarg');
    await page.getByRole('button', { name: 'Calculate' }).click();
    const error = page.locator('#f-workers-instance_type-error');
    await expect(error).toContainText('did you mean m6i.xlarge');
    await expect(page.locator('#f-workers-instance_type')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#f-workers-instance_type')).toHaveValue('m6i.xlarg');
    // Any catalog type is taken as typed.
    await page.locator('#f-workers-instance_type').fill('c7gn.2xlarge');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(error).toBeEmpty();
    await expect(page.getByTestId('verdict')).toBeVisible();
    await close();
  });
});
