// Saving, sharing read-only, and editing from the creator's browser.
import { test, expect } from '@playwright/test';

test('save, open the link in a fresh context read-only, edit as the creator', async ({ page, browser }) => {
  await page.goto('/?clusters=6');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('Six clusters');
  await page.getByRole('button', { name: 'Save and get a link' }).click();
  await expect(page).toHaveURL(/\/s\/[0-9A-Za-z]{22}$/);
  const shareUrl = page.url();
  await expect(page.getByTestId('edit-link')).toBeVisible();
  expect(shareUrl).not.toContain('token');
  // The edit key is shown once, to keep.
  const key = await page.getByLabel('Edit key', { exact: true }).inputValue();
  expect(key).toMatch(/^[0-9A-Za-z]{40,}$/);

  // A manager opens the link in a browser that did not create it.
  const manager = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const managerPage = await manager.newPage();
  await managerPage.goto(shareUrl);
  await expect(managerPage.getByTestId('scenario-name')).toHaveText('Six clusters');
  // Once hydrated, "Copy link" copies the whole link.
  await expect(managerPage.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await managerPage.getByRole('button', { name: 'Copy link' }).click();
  await expect(managerPage.getByRole('button', { name: 'Link copied' })).toBeVisible();
  expect(await managerPage.evaluate(() => navigator.clipboard.readText())).toBe(shareUrl);
  await expect(managerPage.getByTestId('verdict')).toBeVisible();
  await expect(managerPage.getByTestId('edit-link')).toHaveCount(0);

  // The manager forks it: an editable copy of their own, at a new link.
  await expect(managerPage.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await managerPage.getByRole('button', { name: /Fork/ }).click();
  await expect(managerPage).not.toHaveURL(shareUrl);
  await expect(managerPage).toHaveURL(/\/s\/[0-9A-Za-z]{22}$/);
  await expect(managerPage.getByTestId('scenario-name')).toHaveText('Six clusters (fork)');
  await expect(managerPage.getByTestId('edit-link')).toBeVisible();
  await manager.close();

  // A colleague with the key can edit from their own browser.
  const colleague = await browser.newContext();
  const colleaguePage = await colleague.newPage();
  await colleaguePage.goto(shareUrl);
  await expect(colleaguePage.getByTestId('edit-link')).toHaveCount(0);
  await colleaguePage.getByText('I have the edit key').click();
  await colleaguePage.getByLabel('Edit key', { exact: true }).fill(key);
  await colleaguePage.getByRole('button', { name: 'Edit with this key' }).click();
  await expect(colleaguePage.getByTestId('edit-link')).toBeVisible();
  await colleague.close();

  // Seen once: a reload no longer shows the key.
  await page.reload();
  await expect(page.getByTestId('new-edit-key')).toHaveCount(0);

  // The creator edits: a new revision with the new input.
  await page.getByTestId('edit-link').click();
  await expect(page.getByLabel('Clusters', { exact: true })).toHaveValue('6');
  await page.getByLabel('Clusters', { exact: true }).fill('9');
  await page.getByRole('button', { name: 'Calculate' }).click();
  await expect(page).toHaveURL(/clusters=9/);
  // What saving would change is listed before the button.
  await expect(page.getByTestId('edit-changes')).toContainText('Saving changes 1 value of the saved scenario');
  await expect(page.getByTestId('edit-changes')).toContainText('Clusters: 6 → 9');
  await page.getByRole('button', { name: 'Save these changes as a new revision' }).click();
  await expect(page).toHaveURL(shareUrl);
  await expect(page.getByText('Revision 2')).toBeVisible();
});

test('a double click saves one scenario', async ({ page }) => {
  await page.goto('/?clusters=2');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  const name = `Double ${Date.now()}`;
  // A click the browser refuses (the name is required) does not hold back the next.
  await page.getByRole('button', { name: 'Save and get a link' }).click();
  await page.getByRole('textbox', { name: 'Scenario name' }).fill(name);
  await page.getByRole('button', { name: 'Save and get a link' }).dblclick();
  await expect(page).toHaveURL(/\/s\/[0-9A-Za-z]{22}$/);
  // This browser's own scenarios are offered on the compare page: one of that name.
  await page.goto('/compare');
  await expect(page.getByRole('button', { name })).toHaveCount(1);
});

test('a save clicked before the results caught up stores what the form shows', async ({ page, request }) => {
  await page.goto('/?clusters=3');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('Typed twelve');
  // The results follow the typing 300 ms late; time stands still here, so the
  // save is clicked with the typed value not yet in the results.
  await page.clock.install();
  await page.getByLabel('Clusters', { exact: true }).fill('12');
  await page.getByRole('button', { name: 'Save and get a link' }).click();
  await page.clock.resume();
  await expect(page).toHaveURL(/\/s\/[0-9A-Za-z]{22}$/);
  const id = page.url().split('/s/')[1];
  const stored = await (await request.get(`/api/v1/scenarios/${id}`)).json();
  expect(stored.input.clusters).toBe(12);
});

test('where the clipboard is not allowed, Copy link selects the link to copy by hand', async ({ page, request }) => {
  const created = await (await request.post('/api/v1/scenarios', { data: { name: 'Plain http' } })).json();
  // A page served over plain http to another machine is not a secure context.
  await page.addInitScript(() => Object.defineProperty(window, 'isSecureContext', { get: () => false }));
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`/s/${created.id}`);
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('button', { name: 'Link selected: copy it' })).toBeVisible();
  const selected = await page.getByTestId('share-link').evaluate(
    (el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0));
  // The whole link, though the box held the path (the server has no public URL).
  expect(selected).toMatch(/^http:\/\/[^/]+\/s\/[0-9A-Za-z]{22}$/);
  // A second click still works: the page's scripts are intact.
  await page.getByRole('button', { name: 'Link selected: copy it' }).click();
  expect(errors).toEqual([]);
});
