const { chromium } = require('playwright-core');
const fs = require('fs'); const os = require('os'); const path = require('path');
(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-chrome-'));
  const browser = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'], viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
  const page = await browser.newPage();
  page.on('console', (m) => console.log('console', m.type(), m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.route('**/*', (r) => { const u = r.request().url(); if (u.startsWith('file:')) return r.continue(); console.log('BLOCKED', u); return r.abort(); });
  await page.goto('file:///tmp/kf/index.html');
  await page.waitForTimeout(1500);
  console.log(await page.evaluate(() => document.body.dataset.verdict + ' ' + document.getElementById('status').textContent));
  console.log(await page.evaluate(() => [...document.querySelectorAll('#issues li')].slice(0,8).map(l => l.textContent).join('\n')));
  await page.screenshot({ path: '/tmp/kf-shot.png', fullPage: false });
  await browser.close();
})();
