// "Start from your cluster" (issue 23): without JavaScript, the kubectl output
// of tests/fixtures/kubectl/eks-list.json is uploaded on /import, its report
// read, the planner opened with the imported fleet, the missing price of the
// type outside the catalog filled in beside its box, and the results shown.
import * as path from 'path';
import { test, expect } from '@playwright/test';

const EKS_LIST = path.join(__dirname, '..', '..', 'tests', 'fixtures', 'kubectl', 'eks-list.json');
const PRICE = '#f-fleet-0-pools-2-custom-hourly_usd';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('an uploaded kubectl list opens in the planner, which asks for the missing price', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Start from your cluster' }).click();
    await expect(page).toHaveURL(/\/import$/);
    await page.getByLabel('The JSON file').setInputFiles(EKS_LIST);
    await page.getByRole('button', { name: 'Read the cluster' }).click();

    const report = page.getByTestId('import-report');
    await expect(report).toContainText('7 nodes and 24 pods');
    const pools = page.getByTestId('import-pools');
    await expect(pools.getByRole('row', { name: /m6i\.xlarge on-demand/ })).toContainText('3 nodes');
    await expect(pools.getByRole('row', { name: /m5\.large spot/ })).toContainText('Spot');
    await expect(pools).toContainText('custom: not in the catalog');
    await expect(page.getByTestId('import-workload')).toContainText('17.35 cores');
    await expect(page.getByTestId('import-skipped')).toContainText('pod phase Succeeded');
    await expect(page.getByTestId('import-needs')).toContainText('Group 1, pool 3: hourly');
    // Counts and sums only: no node or namespace name of the cluster.
    await expect(report).not.toContainText('ip-10-0');
    await expect(report).not.toContainText('payments');

    await page.getByTestId('open-planner').click();
    await expect(page.locator('#f-fleet-0-name')).toHaveValue('Imported cluster');
    await expect(page.locator('#f-fleet-0-pools-0-name')).toHaveValue('m6i.xlarge on-demand');
    await expect(page.locator(`${PRICE}-error`)).toContainText('is required');
    await expect(page.locator(PRICE)).toHaveAttribute('aria-invalid', 'true');

    await page.locator(PRICE).fill('0.9');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(page.locator(`${PRICE}-error`)).toBeEmpty();
    await expect(page.getByTestId('verdict')).toBeVisible();
    await expect(page.getByTestId('pools-table')).toContainText('Imported cluster / x9z.mega on-demand');
  });

  test('YAML pasted is refused on the page with the -o json hint', async ({ page }) => {
    await page.goto('/import');
    await page.getByLabel('Or paste it').fill('apiVersion: v1\nkind: List\nitems: []\n');
    await page.getByRole('button', { name: 'Read the cluster' }).click();
    await expect(page.getByTestId('import-error')).toContainText('-o json');
    await expect(page.getByRole('button', { name: 'Read the cluster' })).toBeVisible();
  });
});
