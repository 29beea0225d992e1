// The release build's assets: hashed names served as immutable, brotli or gzip
// as the browser accepts; what a first visit to the planner transfers; and how
// long the planner takes to hydrate. The figures are printed for
// docs/PERFORMANCE.md.
import { test, expect } from '@playwright/test';
import http from 'node:http';

/** Status, headers and the bytes on the wire (not decoded) of `url`. */
function raw(url: string, acceptEncoding: string) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; bytes: number }>(
    (resolve, reject) => {
      http
        .get(url, { headers: { 'accept-encoding': acceptEncoding } }, (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => (bytes += chunk.length));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes }),
          );
        })
        .on('error', reject);
    },
  );
}

test('assets have hashed names, are immutable and come precompressed', async ({ page, baseURL }) => {
  await page.goto('/');
  // The bundle is fetched after the first paint, with no hint in the head
  // (app/src/boot.rs): what the page loaded is in its resource timings.
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  const assets = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((href) => href.includes('/pkg/')),
  );
  const names = assets.map((href) => new URL(href).pathname);
  for (const ext of ['css', 'js', 'wasm']) {
    expect(names.some((n) => new RegExp(`^/pkg/clusterplan\\.[\\w-]+\\.${ext}$`).test(n)), ext).toBe(true);
  }
  let transfer = 0;
  const figures: string[] = [];
  for (const name of names) {
    const plain = await raw(`${baseURL}${name}`, 'identity');
    for (const [accepts, encoding] of [['br, gzip', 'br'], ['gzip', 'gzip']]) {
      const sent = await raw(`${baseURL}${name}`, accepts);
      expect(sent.status, name).toBe(200);
      expect(sent.headers['content-encoding'], `${name} ${accepts}`).toBe(encoding);
      expect(sent.headers['cache-control'], name).toBe('public, max-age=31536000, immutable');
      expect(sent.bytes, `${name} ${accepts}`).toBeLessThan(plain.bytes);
      if (encoding === 'br') {
        transfer += sent.bytes;
        figures.push(`${name}: ${plain.bytes} B, ${sent.bytes} B brotli`);
      }
    }
  }
  const html = await raw(`${baseURL}/`, 'br, gzip');
  transfer += html.bytes;
  figures.push(`/ (HTML, ${html.headers['content-encoding']}): ${html.bytes} B`);
  console.log(`first visit to the planner: ${transfer} B\n  ${figures.join('\n  ')}`);
  // The fast-pages issue's goal: at most 350 KB (docs/PERFORMANCE.md).
  expect(transfer).toBeLessThanOrEqual(350_000);
});

test('the bundle is fetched after the page has painted', async ({ page }) => {
  // A phone on a slow link draws the page before it downloads the bundle
  // (app/src/boot.rs): the JS and wasm requests start after the first paint.
  await page.goto('/');
  await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
  const { paint, bundle } = await page.evaluate(() => ({
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    bundle: performance
      .getEntriesByType('resource')
      .filter((entry) => /\/pkg\/.*\.(js|wasm)$/.test(entry.name))
      .map((entry) => entry.startTime),
  }));
  expect(paint).toBeDefined();
  expect(bundle).toHaveLength(2);
  for (const start of bundle) expect(start).toBeGreaterThan(paint!);
});

test('the planner hydrates quickly on loopback', async ({ page }) => {
  // Notes the moment the hydration marker flips, from the start of navigation.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      const marker = document.querySelector('[data-testid=hydration-status]');
      if (marker?.getAttribute('data-hydrated') === 'true') {
        (window as unknown as { hydratedAt: number }).hydratedAt = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true });
  });
  /** Median of five loads of `path`, from navigation start to hydrated, in ms. */
  const timeToHydrate = async (path: string) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(path);
      await expect(page.getByTestId('hydration-status')).toHaveAttribute('data-hydrated', 'true');
      times.push(await page.evaluate(() => (window as unknown as { hydratedAt: number }).hydratedAt));
    }
    times.sort((a, b) => a - b);
    console.log(`time to hydrate ${path}, ms: ${times.map(Math.round).join(', ')} (median ${Math.round(times[2])})`);
    return times[2];
  };
  // The floor: the same bundle on a page with almost nothing to hydrate (a
  // 404), measured in the same run, as the load script measures every
  // endpoint against /healthz: a slower machine slows both alike.
  const floor = await timeToHydrate('/no-such-page');
  const planner = await timeToHydrate('/');
  console.log(`planner / floor: ${(planner / floor).toFixed(2)}`);
  // The fast-pages goal, a median under 300 ms, is a figure of the machine
  // (the same build gave 249 to 501 ms on one machine), so it is printed, not
  // asserted. What is asserted is what the planner adds to the bundle's own
  // start: 1.3 to 1.9 times the floor since the range controls are rendered on
  // demand (1.9 to 3.3 before; the floor is the noisier, 72 to 191 ms). The
  // limit leaves room for that noise; it catches a planner that does half as
  // much again as before the change, not every run of the old build
  // (docs/PERFORMANCE.md, "Time to hydrate").
  expect(planner / floor).toBeLessThan(3);
});
