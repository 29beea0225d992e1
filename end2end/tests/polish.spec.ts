// Seen in a real browser: the money table fits a phone, printing a shared page
// gives a clean report, charts name inputs in words and their text is readable.
import { test, expect, request, type Page } from '@playwright/test';

async function shared(baseURL: string | undefined, input: object = {}): Promise<string> {
  const api = await request.newContext({ baseURL });
  const response = await api.post('/api/v1/scenarios', { data: { name: 'Budget meeting', input } });
  expect(response.status()).toBe(201);
  return `/s/${(await response.json()).id}`;
}

async function cellsRightEdge(page: Page): Promise<number> {
  const cells = page.getByTestId('money-table').locator('th, td');
  expect(await cells.count()).toBeGreaterThan(20);
  let right = 0;
  let shown = 0;
  for (const cell of await cells.all()) {
    // The stacked phone layout hides the empty corner header; every other cell shows.
    const box = await cell.boundingBox();
    if (!box) continue;
    shown += 1;
    right = Math.max(right, box.x + box.width);
  }
  expect(shown).toBeGreaterThan(20);
  return right;
}

test('every money figure fits a 390 px phone, also for very large scenarios', async ({ page, baseURL }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const big = { clusters: 1000, horizon_months: 120 };
  for (const path of ['/', await shared(baseURL), await shared(baseURL, big), '/?clusters=1000&horizon_months=120']) {
    await page.goto(path);
    await expect(page.getByTestId('money-table')).toBeVisible();
    expect(await cellsRightEdge(page), path).toBeLessThanOrEqual(390);
    // No figure is clipped inside its cell either.
    const clipped = await page.getByTestId('money-table').locator('td').evaluateAll(
      (cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => c.textContent),
    );
    expect(clipped, path).toEqual([]);
  }
});

test('printing a shared page hides navigation, actions and forms', async ({ page, baseURL }) => {
  await page.goto(await shared(baseURL));
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  await page.emulateMedia({ media: 'print' });

  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.locator('footer')).toBeHidden();
  for (const button of await page.getByRole('button').all()) await expect(button).toBeHidden();
  for (const form of await page.locator('form').all()) await expect(form).toBeHidden();
  await expect(page.getByTestId('share-link')).toBeHidden();
  // The report itself stays.
  await expect(page.getByTestId('scenario-name')).toBeVisible();
  await expect(page.getByTestId('verdict')).toBeVisible();
  await expect(page.getByTestId('money-table')).toBeVisible();
  await expect(page.locator('figure.chart svg')).toHaveCount(5);
  const color = await page.getByTestId('verdict').evaluate((el) => getComputedStyle(el).color);
  expect(color).toBe('rgb(0, 0, 0)');
  const avoid = await page.locator('figure.chart').first().evaluate((el) => getComputedStyle(el).breakInside);
  expect(avoid).toBe('avoid');
});

test('the sensitivity chart names inputs in words, not field paths', async ({ page }) => {
  await page.goto('/');
  const texts = (await page.locator('figure[data-chart="sensitivity"] svg text').allTextContents())
    .map((t) => t.trim());
  expect(texts).toContain('Clusters');
  expect(texts).toContain('Self-hosted: routine hours per cluster month');
  // A field path: snake-case words joined by dots (`team.annual_cost_usd`).
  const paths = texts.filter((t) => /\b[a-z_]+\.[a-z_]+\b/.test(t) || t.includes('_'));
  expect(paths).toEqual([]);
});

test('chart text is at least 11 px on a 390 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  const smallest = await page.locator('figure.chart svg').evaluateAll((svgs) =>
    Math.min(...svgs.flatMap((svg) =>
      [...svg.querySelectorAll('text')].map((t) => (t as SVGTextElement).getBoundingClientRect().height > 0
        ? parseFloat(getComputedStyle(t).fontSize) * (svg as SVGSVGElement).getScreenCTM()!.a
        : Infinity))));
  expect(smallest).toBeGreaterThanOrEqual(11);
});

test('hydrating moves nothing on a phone: the page sits where it was drawn', async ({ browser }) => {
  const top = async (javaScriptEnabled: boolean) => {
    const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByTestId('hydration-status')).toHaveText(javaScriptEnabled ? 'interactive' : 'static');
    const y = (await page.locator('h1').boundingBox())?.y;
    await context.close();
    return y;
  };
  // "static" became the wider "interactive" and wrapped the header: 40 px down.
  expect(await top(true)).toBe(await top(false));
});

// The server checks the values: the browser's own check, run by each submit
// as typing paused, took the focus to the box it disliked, and the next
// keystrokes went there (Horizon 2.5 became 2.51).
test('a value the browser would refuse is the server\'s to explain, and typing stays where it is', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await page.locator('#f-horizon_months').fill('2.5');
  await expect(page.locator('#f-horizon_months-error')).not.toBeEmpty();
  await page.locator('#f-team-engineers').fill('7');
  await page.waitForTimeout(600);
  await page.keyboard.type('1');
  await expect(page.locator('#f-team-engineers')).toHaveValue('71');
  await expect(page.locator('#f-team-engineers')).toBeFocused();
  await expect(page.locator('#f-horizon_months')).toHaveValue('2.5');
  // What is no number at all is said to be one: a number box sent "" for it,
  // and the default was used without a word.
  await page.locator('#f-clusters').fill('e');
  await expect(page.locator('#f-clusters-error')).toHaveText('must be a number');
  await page.locator('#f-growth-workload_pct_per_year').fill('1,5');
  await expect(page.locator('#f-growth-workload_pct_per_year-error')).toContainText('a point for decimals');
});

// The pressed Remove leaves with its row: the focus fell to the page's top.
test('removing a line item puts the focus on Add line item', async ({ page }) => {
  await page.goto('/?line_items[0].name=Support&line_items[0].monthly_usd=100');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('button', { name: 'Remove line item 1' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#f-line_items-0-name')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add line item' })).toBeFocused();
});
