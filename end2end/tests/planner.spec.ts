// The planner: server-rendered results, live updates after hydration, and a
// plain form submit with JavaScript disabled.
import { test, expect } from '@playwright/test';
import { openWithoutJavaScript } from './flows';

test('planner hydrates and the verdict follows the inputs as the user types', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText('EKS is $416k cheaper over 36 months');

  await page.getByLabel('Clusters', { exact: true }).fill('20');
  await expect(verdict).toContainText('EKS is $2.4M cheaper over 36 months');
  await expect(verdict).toContainText('self-hosting needs 10 engineers for operations');
  await expect(page).toHaveURL(/clusters=20/);
  // A screen reader hears the verdict, one sentence, not the whole report.
  await expect(page.getByTestId('announce')).toHaveText(/^EKS is \$2\.4M cheaper over 36 months/);

  // An invalid value shows its error beside the field, without a page load.
  await page.getByLabel('Clusters', { exact: true }).fill('0');
  await expect(page.locator('#f-clusters-error')).toContainText('must be');
  await expect(page.getByLabel('Clusters', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('announce')).toHaveText('1 field needs a different value; it says why.');

  expect(errors).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a plain form submit renders the results', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByTestId('hydration-status')).toHaveText('static');
    await expect(page.getByTestId('verdict')).toContainText('EKS is $416k cheaper');

    await page.getByLabel('Clusters', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Calculate' }).click();

    await expect(page).toHaveURL(/clusters=7/);
    await expect(page.getByLabel('Clusters', { exact: true })).toHaveValue('7');
    await expect(page.getByTestId('verdict')).toContainText('EKS is $877k cheaper over 36 months');
  });

  // The results follow the whole form: 13,000 px down on a phone.
  test('on a phone, Calculate opens the page at its results', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByLabel('Clusters', { exact: true }).fill('7');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(page).toHaveURL(/clusters=7.*#results$/);
    await expect(page.getByTestId('verdict')).toBeInViewport();
    // Enter in a box submits the same way.
    await page.getByLabel('Clusters', { exact: true }).fill('8');
    await page.getByLabel('Clusters', { exact: true }).press('Enter');
    await expect(page).toHaveURL(/clusters=8.*#results$/);
    await expect(page.getByTestId('verdict')).toBeInViewport();
  });

  test('a saved scenario opens read-only from its link', async ({ page, browser }) => {
    await page.goto('/?clusters=5');
    // The save stores the fields as they stand, not the plan last calculated:
    // 6 clusters, typed after the page was drawn for 5 and never calculated.
    await page.getByLabel('Clusters', { exact: true }).fill('6');
    await page.getByRole('textbox', { name: 'Scenario name' }).fill('No-JS plan');
    await page.getByRole('button', { name: 'Save and get a link' }).click();
    await expect(page).toHaveURL(/\/s\/[0-9A-Za-z]{22}$/);
    await expect(page.getByTestId('verdict')).toContainText('EKS is $762k cheaper over 36 months');
    // The creator's browser holds the edit key (its cookie): it may edit.
    await expect(page.getByTestId('edit-link')).toBeVisible();

    // Anyone else: a fresh context, without the creator's cookie.
    const { page: other, close } = await openWithoutJavaScript(browser, page.url());
    await expect(other.getByTestId('scenario-name')).toHaveText('No-JS plan');
    await expect(other.getByTestId('verdict')).toContainText('EKS is $762k cheaper over 36 months');
    await expect(other.getByTestId('edit-link')).toHaveCount(0);
    // A button that needs JavaScript is not offered without it; the link is in its box.
    await expect(other.locator('.copy-link')).toHaveCount(1);
    await expect(other.locator('.copy-link')).toBeHidden();
    // Nor does it take room: on a phone it left a blank row.
    await expect(other.locator('.copy-link')).toHaveCSS('display', 'none');
    await expect(other.getByTestId('share-link')).toHaveValue(/\/s\/[0-9A-Za-z]{22}$/);
    await expect(other.getByRole('button', { name: /Save these changes/ })).toHaveCount(0);
    await close();
  });

  // A post that writes nothing goes back to its page with the error beside its
  // field (Leptos follows the `Referer`, which `Referrer-Policy: same-origin`
  // lets our own pages send); it used to land on an empty planner at `/`.
  test('a save or a key that is refused comes back to its page with the error', async ({ page, browser }) => {
    await page.goto('/?clusters=7');
    // Back with the fields as they were posted (8, never calculated), not as
    // the page was drawn.
    await page.getByLabel('Clusters', { exact: true }).fill('8');
    await page.getByRole('textbox', { name: 'Scenario name' }).fill('   ');
    await page.getByRole('button', { name: 'Save and get a link' }).click();
    await expect(page).toHaveURL(/clusters=8/);
    // The error beside the box, which has the focus and is described by it.
    const box = page.getByRole('textbox', { name: 'Scenario name' });
    await expect(box).toBeFocused();
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#plan-save-error')).toContainText('must not be empty');
    await expect(page.locator('#plan-save-error')).toBeInViewport();
    await expect(page.getByLabel('Clusters', { exact: true })).toHaveValue('8');

    await page.getByRole('textbox', { name: 'Scenario name' }).fill('Keyed plan');
    await page.getByRole('button', { name: 'Save and get a link' }).click();
    await expect(page).toHaveURL(/\/s\/[0-9A-Za-z]{22}$/);
    const { page: other, close } = await openWithoutJavaScript(browser, page.url());
    await other.getByText('I have the edit key').click();
    await other.getByLabel('Edit key', { exact: true }).fill('NotTheKey123');
    await other.getByRole('button', { name: 'Edit with this key' }).click();
    await expect(other).toHaveURL(new RegExp(page.url().replace(/[/.?]/g, '\\$&')));
    // The box comes back open, its error in view.
    await expect(other.getByText('This edit key does not match this scenario.')).toBeVisible();
    await close();
  });

  test('an edit saves the fields as they stand as the next revision', async ({ page }) => {
    await page.goto('/?clusters=4');
    await page.getByRole('textbox', { name: 'Scenario name' }).fill('Edited without JS');
    await page.getByRole('button', { name: 'Save and get a link' }).click();
    await expect(page).toHaveURL(/\/s\/[0-9A-Za-z]{22}$/);
    const shareUrl = page.url();
    await page.getByTestId('edit-link').click();
    await page.getByLabel('Clusters', { exact: true }).fill('6');
    await page.getByRole('textbox', { name: 'Scenario name' }).fill('Edited twice');
    // Named for both outcomes: a link whose scenario is gone saves a new one.
    await page.getByRole('button', { name: 'Save these changes', exact: true }).click();
    await expect(page).toHaveURL(shareUrl);
    await expect(page.getByText('Revision 2')).toBeVisible();
    await expect(page.getByTestId('scenario-name')).toHaveText('Edited twice');
    await expect(page.getByTestId('verdict')).toContainText('EKS is $762k cheaper over 36 months');
  });
});

test('the planner works from the keyboard alone, with visible focus', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');

  // Skip link first, then into the form.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  const clusters = page.getByLabel('Clusters', { exact: true });
  await clusters.focus();
  const outline = await clusters.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');

  await page.keyboard.press('Control+A');
  await page.keyboard.type('12');
  await expect(page.getByTestId('verdict')).toContainText('EKS is $1.5M cheaper over 36 months');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Nodes per cluster', { exact: true })).toBeFocused();
});

test('a display currency converts the verdict and the money table, named by its code', async ({ page }) => {
  await page.goto('/?display.currency=EUR&display.per_usd=0.5');
  const verdict = page.getByTestId('verdict');
  await expect(verdict).toContainText('EKS is EUR 208k cheaper over 36 months');
  await expect(page.getByTestId('money-table')).toContainText('Money (EUR)');
  await expect(page.getByLabel('Currency', { exact: true })).toHaveValue('EUR');
  await expect(page.getByLabel('Exchange rate', { exact: true })).toHaveValue('0.5');
});

test('a field named in the summary of what to fix is one click away, focused', async ({ page }) => {
  await page.goto('/?team.annual_cost_usd=-1');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await page.getByTestId('fix-first').getByRole('link', { name: 'Team: annual cost' }).click();
  const box = page.locator('#f-team-annual_cost_usd');
  await expect(box).toBeFocused();
  await expect(box).toBeInViewport();
  // Its label is in view too, not scrolled off above it.
  await expect(page.locator('label[for="f-team-annual_cost_usd"]')).toBeInViewport();
});
