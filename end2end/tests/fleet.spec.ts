// The fleet in the browser: a plain plan written as cluster groups and node
// pools, three groups with a Fargate pool built with the Add buttons on a 390 px
// phone, saved, and its link opened without JavaScript; and the same editor
// without JavaScript, where every button is a page load.
import { test, expect, type Page } from '@playwright/test';
import { openWithoutJavaScript, saveAndGetLink } from './flows';

async function fillPool(page: Page, g: number, p: number, fields: Record<string, string>) {
  for (const [member, value] of Object.entries(fields)) {
    const id = `#f-fleet-${g}-pools-${p}-${member.replace('.', '-')}`;
    if (member === 'compute') {
      await page.locator(id).selectOption(value);
    } else {
      await page.locator(id).fill(value);
    }
  }
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('three groups with a Fargate pool on a phone, saved and read without JavaScript', async ({ page, browser }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await page.locator('#f-clusters').fill('2');
  await page.getByTestId('to-fleet').click();
  const fleet = page.getByTestId('fleet');
  await expect(fleet).toBeVisible();
  await expect(page.locator('#f-fleet-0-clusters')).toHaveValue('2');
  await expect(page.locator('#f-clusters')).toHaveCount(0);

  await page.locator('#f-fleet-0-name').fill('production');
  await fillPool(page, 0, 0, { name: 'general', instance_type: 'c7i.4xlarge' });
  await fleet.getByRole('button', { name: /^Add a pool to Group 1/ }).click();
  await expect(page.locator('#f-fleet-0-pools-1-name')).toHaveValue('');
  await expect(page.locator('#f-fleet-0-name')).toHaveValue('production');
  await fillPool(page, 0, 1, {
    name: 'memory', instance_type: 'r7i.2xlarge',
    'workload.cpu_request_cores': '16', 'workload.memory_request_gib': '200', 'workload.pods': '40',
  });

  await fleet.getByRole('button', { name: 'Add a cluster group' }).click();
  await page.locator('#f-fleet-1-name').fill('staging');
  await page.locator('#f-fleet-1-clusters').fill('4');
  await fillPool(page, 1, 0, { name: 'general', instance_type: 't3.large', nodes_per_cluster: '2' });
  // The pool's own line follows its inputs as the user types.
  const staging = fleet.locator('.fleet-group[data-row="1"] [data-pool="0"]').getByTestId('pool-figures');
  await expect(staging).toContainText('EKS: 2 nodes per cluster');
  await fillPool(page, 1, 0, { nodes_per_cluster: '5' });
  await expect(staging).toContainText('EKS: 5 nodes per cluster');
  await expect(staging).toContainText(/Self-hosted: 5 nodes per cluster, \$[\d,]+\.\d\d a month/);
  await fillPool(page, 1, 0, { nodes_per_cluster: '2' });
  await expect(staging).toContainText('EKS: 2 nodes per cluster');

  await fleet.getByRole('button', { name: 'Add a cluster group' }).click();
  await page.locator('#f-fleet-2-name').fill('dev');
  await page.locator('#f-fleet-2-clusters').fill('3');
  await fillPool(page, 2, 0, {
    name: 'jobs', compute: 'fargate',
    'workload.cpu_request_cores': '8', 'workload.memory_request_gib': '16', 'workload.pods': '20',
  });

  const pools = page.getByTestId('pools-table');
  await expect(pools).toContainText('production / memory');
  await expect(pools).toContainText('staging / general');
  await expect(pools).toContainText('dev / jobs');
  await expect(pools.locator('tr', { hasText: 'dev / jobs' })).toContainText('Fargate');
  await expect(page.locator('figure[data-chart="capacity"] svg')).toContainText('Worker nodes of the fleet');
  await noHorizontalScroll(page);
  const rows = await pools.innerText();

  // Removing a pool recalculates without it.
  await fleet.getByRole('button', { name: /Remove Pool: memory/ }).click();
  await expect(pools).not.toContainText('production / memory');
  await expect(pools).toContainText('dev / jobs');
  // The focus goes to the list's Add button, not back to the top of the page.
  await expect(fleet.getByRole('button', { name: /^Add a pool to Group 1/ })).toBeFocused();
  await fleet.getByRole('button', { name: /^Add a pool to Group 1/ }).click();
  await fillPool(page, 0, 1, {
    name: 'memory', instance_type: 'r7i.2xlarge',
    'workload.cpu_request_cores': '16', 'workload.memory_request_gib': '200', 'workload.pods': '40',
  });
  await expect(pools).toContainText('production / memory');
  expect(await pools.innerText()).toEqual(rows);

  const shareUrl = await saveAndGetLink(page, 'Three groups');
  expect(errors).toEqual([]);
  const { page: managerPage, close } = await openWithoutJavaScript(browser, shareUrl);
  await managerPage.setViewportSize({ width: 390, height: 844 });
  expect(await managerPage.getByTestId('pools-table').innerText()).toEqual(rows);
  await noHorizontalScroll(managerPage);
  await close();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the fleet preset opens in the fleet editor', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'Production, staging and dev fleet with Fargate batch' }).click();
    await expect(page.locator('#f-fleet-0-name')).toHaveValue('production');
    await expect(page.locator('#f-fleet-0-pools-2-compute')).toHaveValue('fargate');
    await expect(page.getByTestId('pools-table')).toContainText('staging and dev / general');
  });

  // A row button loads the whole page; it opened at the top, thousands of
  // pixels above the row on a phone (an outside review).
  test('on a phone, each row button opens the page at its row', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    await page.getByTestId('to-fleet').click();
    await expect(page).toHaveURL(/#f-fleet-0-name$/);
    await expect(page.locator('#f-fleet-0-name')).toBeInViewport();
    await page.getByRole('button', { name: 'Add a cluster group' }).click();
    await expect(page).toHaveURL(/#f-fleet-1-name$/);
    await expect(page.locator('#f-fleet-1-name')).toBeInViewport();
    await page.getByRole('button', { name: 'Add a pool to Group 2' }).click();
    await expect(page.locator('#f-fleet-1-pools-1-name')).toBeInViewport();
    await page.getByRole('button', { name: 'Remove New pool (group 2, pool 2)' }).click();
    await expect(page.locator('#f-fleet-1-pools-1-name')).toHaveCount(0);
    await expect(page.locator('#f-fleet-1-pools-0-name')).toBeInViewport();
    await page.getByRole('button', { name: 'Remove Group 2' }).click();
    await expect(page.locator('#f-fleet-1-name')).toHaveCount(0);
    await expect(page.locator('#f-fleet-0-name')).toBeInViewport();
    // A Remove renumbers nothing: with group 1 gone, the rows are 1 and 2.
    await page.getByRole('button', { name: 'Add a cluster group' }).click();
    await page.getByRole('button', { name: 'Add a pool to Group 2' }).click();
    await page.getByRole('button', { name: 'Remove Group 1: Fleet' }).click();
    await expect(page).toHaveURL(/#f-fleet-1-name$/);
    await expect(page.locator('#f-fleet-1-name')).toBeInViewport();
    await page.getByRole('button', { name: 'Add a cluster group' }).click();
    await expect(page).toHaveURL(/#f-fleet-2-name$/);
    await expect(page.locator('#f-fleet-2-name')).toBeInViewport();
    await page.getByRole('button', { name: 'Remove New pool (group 2, pool 1)' }).click();
    await expect(page).toHaveURL(/#f-fleet-1-pools-1-name$/);
    await expect(page.locator('#f-fleet-1-pools-1-name')).toBeInViewport();
    // A blank group's only pool: at its group (the empty error line below the
    // group's boxes cannot be scrolled to).
    await page.getByRole('button', { name: 'Remove New pool (group 3, pool 1)' }).click();
    await expect(page).toHaveURL(/#f-fleet-2-name$/);
    await expect(page.locator('#f-fleet-2-name')).toBeInViewport();
    await page.getByRole('button', { name: 'Remove Group 2' }).click();
    await page.getByRole('button', { name: 'Remove Group 3' }).click();
    // The last group gone, the plain form is back: at its fleet button.
    await expect(page).toHaveURL(/#to-fleet$/);
    await expect(page.getByTestId('to-fleet')).toBeInViewport();
    await page.getByRole('button', { name: 'Unsure? Give etcd backup a range' }).click();
    await expect(page.getByLabel('Low').first()).toBeFocused();
    await expect(page.getByLabel('Low').first()).toBeInViewport();
  });

  test('the fleet editor adds, fills and removes groups with page loads', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('to-fleet').click();
    await expect(page.locator('#f-fleet-0-name')).toHaveValue('Fleet');
    await page.locator('#f-fleet-0-name').fill('production');
    await page.getByRole('button', { name: 'Add a cluster group' }).click();
    await expect(page.locator('#f-fleet-0-name')).toHaveValue('production');
    await page.locator('#f-fleet-1-name').fill('staging');
    await page.locator('#f-fleet-1-clusters').fill('2');
    await fillPool(page, 1, 0, { name: 'general', instance_type: 't3.large', nodes_per_cluster: '2' });
    await page.getByRole('button', { name: 'Add a cluster group' }).click();
    await page.locator('#f-fleet-2-name').fill('dev');
    await page.locator('#f-fleet-2-clusters').fill('1');
    await fillPool(page, 2, 0, {
      name: 'jobs', compute: 'fargate',
      'workload.cpu_request_cores': '2', 'workload.memory_request_gib': '4', 'workload.pods': '4',
    });
    await page.getByRole('button', { name: 'Calculate' }).click();
    const pools = page.getByTestId('pools-table');
    await expect(pools).toContainText('production / Workers');
    await expect(pools).toContainText('staging / general');
    await expect(pools).toContainText('dev / jobs');
    // A typo in an instance type names the nearest catalog types beside the box.
    await page.locator('#f-fleet-1-pools-0-instance_type').fill('t3.larg');
    await page.getByRole('button', { name: 'Calculate' }).click();
    await expect(page.locator('#f-fleet-1-pools-0-instance_type-error')).toContainText('t3.large');
    await page.locator('#f-fleet-1-pools-0-instance_type').fill('t3.large');
    await page.getByRole('button', { name: /^Remove Group 3/ }).click();
    await expect(page.locator('#f-fleet-2-name')).toHaveCount(0);
    await expect(page.getByTestId('pools-table')).not.toContainText('dev / jobs');
  });
});

test('a pool whose type turns custom shows its machine fields, and drops them again', async ({ page }) => {
  await page.goto('/?fleet[0].name=A&fleet[0].clusters=2&fleet[0].pools[0].name=p&fleet[0].pools[0].instance_type=m6i.large');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  const vcpu = page.locator('#f-fleet-0-pools-0-custom-vcpu');
  await expect(vcpu).toBeHidden();
  // A space a phone's keyboard adds is no other type: the reader trims it.
  await page.locator('#f-fleet-0-pools-0-instance_type').fill('custom ');
  // Typing on in another box while the fields appear loses neither a keystroke nor focus.
  const nodes = page.locator('#f-fleet-0-pools-0-nodes_per_cluster');
  await nodes.click();
  for (const key of ['1', '2', '3']) {
    await page.keyboard.type(key);
    await page.waitForTimeout(450);
  }
  await expect(vcpu).toBeVisible();
  await expect(page.locator('#f-fleet-0-pools-0-custom-hourly_usd')).toBeVisible();
  await expect(nodes).toHaveValue('123');
  await expect(nodes).toBeFocused();
  await page.locator('#f-fleet-0-pools-0-instance_type').fill('m6i.large');
  await expect(vcpu).toBeHidden();
});

test('removing the last group focuses the button that describes a fleet again', async ({ page }) => {
  await page.goto('/?fleet[0].name=A&fleet[0].clusters=2&fleet[0].pools[0].name=p&fleet[0].pools[0].instance_type=m6i.large');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  await page.getByRole('button', { name: /^Remove Group 1/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('to-fleet')).toBeFocused();
  // Nothing noted is left over for the next fleet.
  await page.getByTestId('to-fleet').click();
  await expect(page.getByTestId('fleet')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a cluster group' })).not.toBeFocused();
});

// The form is drawn again over the same boxes after a Remove: a box that was
// typed in kept showing its text, now in the next row's place, and the next
// submit saved it there.
test('after a Remove, each box shows its own row, typed values included', async ({ page }) => {
  await page.goto('/?fleet[0].name=A&fleet[0].clusters=2&fleet[0].pools[0].name=p&fleet[0].pools[0].instance_type=m6i.large');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  for (const p of [1, 2]) {
    await page.getByRole('button', { name: /^Add a pool to/ }).click();
    await expect(page.locator(`#f-fleet-0-pools-${p}-name`)).toBeVisible();
  }
  await fillPool(page, 0, 1, { name: 'second', nodes_per_cluster: '5' });
  await fillPool(page, 0, 2, { name: 'third', nodes_per_cluster: '9' });
  await expect(page).toHaveURL(/pools%5B2%5D.name=third/);
  await page.locator('button[name=remove_row][value="fleet[0].pools[1]"]').click();
  // The rows keep their numbers until the plan is read: pool 3 stays pool 3.
  await expect(page.locator('#f-fleet-0-pools-1-name')).toHaveCount(0);
  await expect(page.locator('#f-fleet-0-pools-2-name')).toHaveValue('third');
  await expect(page.locator('#f-fleet-0-pools-2-nodes_per_cluster')).toHaveValue('9');
  // The next submit sends what the boxes show.
  await page.locator('#f-fleet-0-clusters').fill('3');
  await expect(page).toHaveURL(/clusters=3/);
  expect(new URL(page.url()).searchParams.get('fleet[0].pools[2].name')).toBe('third');
  expect(page.url()).not.toContain('second');

  // The last group gone, the plain form's boxes show their own values.
  await page.locator('#f-growth-workload_pct_per_year').fill('13');
  await page.getByRole('button', { name: /^Remove Group 1/ }).click();
  await expect(page.getByTestId('to-fleet')).toBeVisible();
  await expect(page.locator('#f-clusters')).toHaveValue('3');
  await expect(page.locator('#f-growth-workload_pct_per_year')).toHaveValue('13');
});
