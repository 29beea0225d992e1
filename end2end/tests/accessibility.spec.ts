// axe-core scan of every page: no serious or critical violations.
import { test, expect, request } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// An axe-core scan takes seconds a page on a busy two-core machine (the API
// reference, one long page, took over 30 s once): more than the default 30 s.
test.describe.configure({ timeout: 120_000 });

// Pages the server writes whole, with no script: nothing hydrates there.
const PLAIN_PAGES = ['/methodology', '/catalog?family=m7g'];

test('every page passes axe-core without serious or critical violations', async ({ page, baseURL }) => {
  // Eight scans of 3 to 6 s each on a busy 2-core machine: 30 s was the edge.
  const api = await request.newContext({ baseURL });
  const created = await (await api.post('/api/v1/scenarios', { data: { name: 'Axe', input: {} } })).json();
  const other = await (await api.post('/api/v1/scenarios', { data: { name: 'Axe 2', input: { clusters: 9 } } })).json();

  for (const path of ['/', '/?clusters=0', '/?show_range=workers.headroom_pct',
    '/?uncertainty.low.workers.headroom_pct=10&uncertainty.high.workers.headroom_pct=60', `/s/${created.id}`, `/compare?ids=${created.id},${other.id}`,
    ...PLAIN_PAGES]) {
    await page.goto(path);
    if (!PLAIN_PAGES.includes(path)) {
      await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
    }
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${path}: ${v.id} (${v.nodes.length})`)).toEqual([]);
  }
});

test('pages fit a 320 and a 390 px wide phone without sideways scrolling', async ({ page, baseURL }) => {
  const api = await request.newContext({ baseURL });
  const created = await (await api.post('/api/v1/scenarios', { data: { name: 'Phone', input: {} } })).json();
  // Long unbroken text: a one-word name, an error naming a deep field path.
  const long = await (await api.post('/api/v1/scenarios', {
    data: { name: 'platform_eks_migration_plan_2027_and_beyond', input: {} },
  })).json();
  const custom = '/?fleet[0].name=A&fleet[0].clusters=2&fleet[0].pools[0].name=p&fleet[0].pools[0].instance_type=custom';
  const word = 'x'.repeat(60);
  const longFleet = `/?fleet[0].name=${word}&fleet[0].clusters=2&fleet[0].pools[0].name=${word}&fleet[0].pools[0].instance_type=m6i.large`;
  const longType = `/?workers.instance_type=${'y'.repeat(72)}`;

  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 844 });
    for (const path of ['/', `/s/${created.id}`, `/s/${long.id}`, custom, longFleet, longType, '/compare', '/methodology']) {
      await page.goto(path);
      if (path === `/s/${created.id}`) {
        // The edit-key box, opened.
        await page.getByText('I have the edit key').click();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
    }
  }
});

test('the API reference passes axe-core and fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/api/v1/docs');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Clusterplan API');
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the catalog page passes axe-core and fits a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  // The whole first page, and a bad filter with its error beside the box.
  for (const path of ['/catalog', '/catalog?q=m7g&min_vcpu=abc']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Instance catalog');
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${path}: ${v.id} (${v.nodes.length})`)).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
