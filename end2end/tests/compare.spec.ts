// Comparing two saved scenarios side by side.
import { test, expect, request } from '@playwright/test';

test('compare two saved scenarios', async ({ page, baseURL }) => {
  const api = await request.newContext({ baseURL });
  const ids: string[] = [];
  for (const [name, clusters] of [['Small', 2], ['Large', 40]] as const) {
    const response = await api.post('/api/v1/scenarios', { data: { name, input: { clusters } } });
    expect(response.status()).toBe(201);
    ids.push((await response.json()).id);
  }

  await page.goto('/compare');
  await page.getByLabel(/Scenario links or ids/).fill(`${baseURL}/s/${ids[0]} ${ids[1]}`);
  await page.getByRole('button', { name: 'Compare' }).click();

  const table = page.getByTestId('comparison');
  await expect(table).toContainText('Small');
  await expect(table).toContainText('Large');
  await expect(page.locator('figure.chart svg')).toHaveCount(2);

  // Every column fits a laptop and a phone: the verdict wraps, a phone stacks rows.
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 800 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${width} px`).toBeLessThanOrEqual(0);
    const scroller = page.locator('[aria-label="Key figures"]');
    const hidden = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(hidden, `key figures at ${width} px`).toBeLessThanOrEqual(0);
  }
});

test('an empty compare page says what to do', async ({ page }) => {
  await page.goto('/compare');
  await expect(page.getByTestId('compare-empty')).toContainText('Paste the links');
});
