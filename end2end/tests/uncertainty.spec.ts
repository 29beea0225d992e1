// Uncertainty in the browser: range two inputs, see the probability and the
// histogram change, save, and find the same figures on the share link.
import { test, expect } from '@playwright/test';
import { openWithoutJavaScript, saveAndGetLink } from './flows';

test('ranging two inputs gives a probability and a histogram that the link keeps', async ({ page, browser }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/?clusters=20&self_hosted.worker_hourly_usd=0.08&workers.workload.cpu_request_cores=200&workers.workload.memory_request_gib=800&workers.workload.pods=2000');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByTestId('uncertainty-headline')).toHaveCount(0);

  // Enter in a field submits the form (the hidden default button), and does
  // not ask for the first field's range.
  await page.locator('#f-clusters').fill('21');
  await page.locator('#f-clusters').press('Enter');
  await expect(page).toHaveURL(/clusters=21/);
  await expect(page.locator('fieldset.range')).toHaveCount(0);

  // The range controls are not rendered until asked for.
  const routine = page.locator('#f-uncertainty-low-self_hosted-routine_hours_per_cluster_month');
  await expect(routine).toHaveCount(0);
  await page.getByText('Unsure? Give routine hours per cluster month a range').nth(1).click();
  // Shown in place, without a page load, ready to type into.
  await expect(routine).toBeFocused();
  await routine.fill('5');
  await page.locator('#f-uncertainty-high-self_hosted-routine_hours_per_cluster_month').fill('60');
  const headline = page.getByTestId('uncertainty-headline');
  await expect(headline).toContainText('simulated futures');
  await expect(page.locator('figure[data-chart="uncertainty"] svg')).toBeVisible();
  const first = await headline.innerText();
  const firstChart = await page.locator('figure[data-chart="uncertainty"] svg').innerHTML();

  await page.getByText('Unsure? Give worker hourly a range').click();
  await page.locator('#f-uncertainty-low-self_hosted-worker_hourly_usd').fill('0.04');
  await page.locator('#f-uncertainty-high-self_hosted-worker_hourly_usd').fill('0.3');
  await expect(page).toHaveURL(/uncertainty\.high\.self_hosted\.worker_hourly_usd=0\.3/);
  await expect(page.locator('figure[data-chart="uncertainty"] svg')).not.toHaveJSProperty('innerHTML', firstChart);
  await expect(headline).not.toHaveText(first);
  const figures = await page.getByTestId('uncertainty-table').innerText();
  const probability = await headline.innerText();

  const shareUrl = await saveAndGetLink(page, 'Ranged plan');
  expect(errors).toEqual([]);

  const { page: managerPage, close } = await openWithoutJavaScript(browser, shareUrl);
  await expect(managerPage.getByTestId('uncertainty-headline')).toHaveText(probability);
  expect(await managerPage.getByTestId('uncertainty-table').innerText()).toEqual(figures);
  await expect(managerPage.locator('figure[data-chart="uncertainty"] svg')).toBeVisible();
  await close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a range can be given and submitted with the plain form', async ({ page }) => {
    await page.goto('/');
    // Enter in a field submits with "Calculate", not with the first range button.
    await page.locator('#f-clusters').fill('4');
    await page.locator('#f-clusters').press('Enter');
    await expect(page).toHaveURL(/clusters=4/);
    expect(page.url()).not.toContain('show_range');
    await expect(page.locator('fieldset.range')).toHaveCount(0);

    // The range button reloads the form, values kept, with the range's controls.
    await page.getByText('Unsure? Give headroom a range').click();
    await expect(page.locator('#f-uncertainty-low-workers-headroom_pct')).toBeFocused();
    await expect(page.locator('#f-clusters')).toHaveValue('4');
    await page.locator('#f-uncertainty-low-workers-headroom_pct').fill('10');
    await page.locator('#f-uncertainty-high-workers-headroom_pct').fill('60');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(page.getByTestId('uncertainty-headline')).toContainText('of 5,000 simulated futures');
    // Still shown, with its values, after the reload.
    await expect(page.locator('#f-uncertainty-low-workers-headroom_pct')).toHaveValue('10');
  });
});
