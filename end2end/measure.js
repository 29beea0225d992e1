// Measures the planner page as a first-time visitor gets it: bytes of HTML, CSS,
// JS and wasm (gzip -6, as a compressing proxy or the server would send them) and
// the time from navigation start until the page reports it has hydrated.
// Usage: node end2end/measure.js http://127.0.0.1:3000/  (NODE_PATH=end2end/node_modules)
const { chromium } = require('@playwright/test');
const zlib = require('zlib');

(async () => {
  const url = process.argv[2] ?? 'http://127.0.0.1:3000/';
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const runs = [];
  let sizes;
  for (let i = 0; i < 5; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const bodies = [];
    page.on('response', async (r) => {
      try { bodies.push({ url: r.url(), type: r.request().resourceType(), body: await r.body() }); } catch {}
    });
    await page.goto(url);
    await page.waitForSelector('[data-hydrated="true"]');
    const ms = await page.evaluate(() => performance.now());
    runs.push(ms);
    sizes = bodies.map((b) => ({ url: b.url.replace(/^https?:\/\/[^/]+/, ''), raw: b.body.length, gzip: zlib.gzipSync(b.body, { level: 6 }).length }));
    await context.close();
  }
  await browser.close();
  runs.sort((a, b) => a - b);
  const total = sizes.reduce((s, x) => ({ raw: s.raw + x.raw, gzip: s.gzip + x.gzip }), { raw: 0, gzip: 0 });
  for (const s of sizes) console.log(`${s.url.padEnd(40)} ${String(s.raw).padStart(9)} B raw ${String(s.gzip).padStart(9)} B gzip`);
  console.log(`total ${total.raw} B raw, ${total.gzip} B gzip`);
  console.log(`time to hydrate (ms), 5 fresh contexts: median ${runs[2].toFixed(0)}, min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)}`);
})();
