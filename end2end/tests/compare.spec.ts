// Comparing two saved scenarios side by side.
import { test, expect, request } from '@playwright/test';

test('compare two saved scenarios', async ({ page, baseURL }) => {
  const api = await request.newContext({ baseURL });
  const ids: string[] = [];
  const fleet = { fleet: [
    { name: 'production', clusters: 2, pools: [
      { name: 'general', instance_type: 'c7i.4xlarge', nodes_per_cluster: 3 },
      { name: 'batch', compute: 'fargate', workload: { cpu_request_cores: 10, memory_request_gib: 100, pods: 10 } }] },
    { name: 'dev', clusters: 4, pools: [{ name: 'general', instance_type: 't3.large', nodes_per_cluster: 2 }] }] };
  const inputs = [['Small', { clusters: 2 }], ['Large fleet', fleet]] as const;
  for (const [name, input] of inputs) {
    const response = await api.post('/api/v1/scenarios', { data: { name, input } });
    expect(response.status()).toBe(201);
    ids.push((await response.json()).id);
  }

  await page.goto('/compare');
  await page.getByLabel(/Scenario links or ids/).fill(`${baseURL}/s/${ids[0]} ${ids[1]}`);
  await page.getByRole('button', { name: 'Compare' }).click();

  const table = page.getByTestId('comparison');
  await expect(table).toContainText('Small');
  await expect(table).toContainText('Large fleet');
  await expect(table).toContainText('2 groups, 3 pools · 6 clusters');
  await expect(page.locator('figure.chart svg')).toHaveCount(2);
  await expect(page.getByTestId('pools-table')).toContainText('production / batch');

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

// With JavaScript the scenarios come from a server function: an id that is no
// scenario's, or too many ids, is named on the page, the "Yours" buttons kept.
test('unknown and too many ids are named, with JavaScript too', async ({ page, baseURL }) => {
  const api = await request.newContext({ baseURL });
  const created = await api.post('/api/v1/scenarios', { data: { name: 'Mine', input: {} } });
  const id = (await created.json()).id;
  await page.goto('/compare');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  const box = page.getByLabel(/Scenario links or ids/);
  await box.fill('AAAAAAAAAAAAAAAAAAAAAA');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByTestId('compare-missing')).toContainText('No saved scenario answers to AAAAAAAAAAAAAAAAAAAAAA');
  await box.fill(`${id} AAAAAAAAAAAAAAAAAAAAAA`);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByTestId('compare-missing')).toContainText('The others are compared below');
  await expect(page.getByTestId('comparison')).toContainText('Mine');
  const eleven = Array.from({ length: 11 }, (_, i) => String(i).padStart(22, '0')).join(' ');
  await box.fill(eleven);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByText('Scenario links or ids: at most 10 scenarios, not 11')).toBeVisible();
});

test('an empty compare page says what to do', async ({ page }) => {
  await page.goto('/compare');
  await expect(page.getByTestId('compare-empty')).toContainText('Paste the links');
});

test('your own scenarios are picked with their buttons, with and without JavaScript', async ({ browser }) => {
  for (const javaScriptEnabled of [false, true]) {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    const names = [`Alpha ${javaScriptEnabled}`, `Beta ${javaScriptEnabled}`];
    for (const name of names) {
      await page.goto('/?clusters=2');
      await page.getByRole('textbox', { name: 'Scenario name' }).fill(name);
      await page.getByRole('button', { name: 'Save and get a link' }).click();
      await expect(page).toHaveURL(/\/s\/[0-9A-Za-z]{22}$/);
    }
    await page.goto('/compare');
    if (javaScriptEnabled) {
      await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
    }
    for (const name of names) {
      await page.getByRole('button', { name }).click();
    }
    // With JavaScript the buttons fill the field in place; without, each is a page load.
    const box = page.getByLabel(/Scenario links or ids/);
    await expect(box).toHaveValue(/^[0-9A-Za-z]{22}, [0-9A-Za-z]{22}$/);
    await page.getByRole('button', { name: 'Compare' }).click();
    const table = page.getByTestId('comparison');
    for (const name of names) {
      await expect(table).toContainText(name);
    }
    // Enter in the box compares what it holds, not with the first "Yours" button.
    const first = (await box.inputValue()).split(', ')[0];
    await box.fill(first);
    await box.press('Enter');
    await expect(page).toHaveURL(new RegExp(`ids=${first}(&=)?$`));
    await expect(table).not.toContainText(names[1]);
    await context.close();
  }
});
