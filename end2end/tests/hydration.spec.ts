// The home page renders on the server, then hydrates and responds to clicks.
import { test, expect } from '@playwright/test';

test('home page hydrates and its disclosure button works', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('EKS or self-hosted Kubernetes?');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');

  const list = page.locator('#what-it-weighs');
  await expect(list).toBeHidden();
  await page.getByRole('button', { name: 'Show what it weighs' }).click();
  await expect(list).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hide what it weighs' })).toHaveAttribute('aria-expanded', 'true');

  expect(errors).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('home page is readable as plain HTML', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('EKS or self-hosted Kubernetes?');
    await expect(page.getByTestId('hydration-status')).toHaveText('static');
  });
});
