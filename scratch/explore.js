const { chromium } = require('playwright-core');
const fs = require('fs'); const os = require('os'); const path = require('path');
(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-chrome-'));
  const ctx = await chromium.launchPersistentContext(dir, { executablePath: '/usr/bin/chromium', headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu'], viewport: { width: 1400, height: 1000 } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto('file:///tmp/kf/index.html');
  await page.waitForSelector('body[data-checked]');
  const addIn = (p) => page.evaluate((p) => { const b=[...document.querySelectorAll('button.json-editor-btn-add')].find(b => b.closest('[data-schemapath]').getAttribute('data-schemapath') === p); b.click(); return !!b; }, p);
  console.log(await addIn('root.servers'));
  await page.waitForTimeout(500);
  console.log(await page.evaluate(() => window.kibanForm.yaml));
  console.log(await page.evaluate(() => [...document.querySelectorAll('[data-schemapath^="root.servers.0"]')].map(e => e.getAttribute('data-schemapath')).join(' ')));
  console.log(await page.evaluate(() => [...document.querySelectorAll('[name^="root[servers][0]"]')].map(e => e.tagName+':'+e.type+':'+e.getAttribute('name')).join('\n')));
  await page.screenshot({ path: '/tmp/kf-shot2.png', fullPage: true });
  await ctx.close();
})();
