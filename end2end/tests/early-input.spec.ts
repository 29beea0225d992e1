// Input that arrives while the planner's fields are still hydrating, a few at a
// time after the page (app/src/components/deferred.rs), on a CPU slowed as a
// phone's: what the user does must work, and the page must finish hydrating.
// Every other browser test waits for "interactive" first.
import { test, expect, type Page } from '@playwright/test';

/** Opens `path` on a 6× slower CPU and returns once the page's first hydration
 *  pass is done (the form's submit handler is attached) but before the marker
 *  says every control is interactive. */
async function openWhileHydrating(page: Page, path: string, errors: string[]) {
  page.on('pageerror', (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<typeof add>) {
      if (args[0] === 'submit' && (this as Element).tagName === 'FORM') {
        (window as unknown as { formReady: boolean }).formReady = true;
      }
      return add.apply(this, args);
    };
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  await page.goto(path, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as unknown as { formReady?: boolean }).formReady, null, {
    polling: 'raf',
    timeout: 30_000,
  });
  // The test is only worth something if fields were still waiting.
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'false', { timeout: 1 });
}

test('a value typed before the fields have hydrated gets its answer, and errors follow', async ({ page }) => {
  const errors: string[] = [];
  await openWhileHydrating(page, '/?team.engineers=-3', errors);
  // What autofill or a fast typist does: a new value and its input event. The
  // answer that follows must not reach a field before it hydrates (it used to
  // stop hydration with a mismatch: the marker never said "interactive").
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('#f-team-engineers')!;
    input.value = '4';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
  await expect(page).toHaveURL(/team\.engineers=4/, { timeout: 20_000 });
  await expect(page.locator('#f-team-engineers-error')).toBeEmpty({ timeout: 20_000 });
  await expect(page.locator('#f-team-engineers')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('verdict')).toBeVisible();
  await page.locator('#f-team-engineers').fill('0');
  await expect(page.locator('#f-team-engineers-error')).toContainText('must be', { timeout: 20_000 });
  await expect(page.locator('#f-team-engineers')).toHaveAttribute('aria-invalid', 'true');
  expect(errors).toEqual([]);
});

test('a range asked for before its field has hydrated opens in place', async ({ page }) => {
  const errors: string[] = [];
  await openWhileHydrating(page, '/', errors);
  const field = page.locator('.field', { has: page.locator('#f-upgrades-upstream_support_months') });
  // A click with no pointer event before it, as assistive technology sends.
  await field.locator('.range-ask').evaluate((button: HTMLButtonElement) => button.click());
  await expect(field.locator('.bound')).toHaveCount(2);
  await expect(page).not.toHaveURL(/show_range/);
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true', { timeout: 20_000 });
  expect(errors).toEqual([]);
});
