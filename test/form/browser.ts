/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Drives Debian's Chromium (/usr/bin/chromium, `.ci/run` installs it) with playwright-core, in a
 * fresh profile, with every request that is not a file or loopback URL blocked and recorded.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { BrowserContext, Page, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface TestBrowser {
  readonly context: BrowserContext;
  /** Requests that were not file: or loopback, blocked. */
  readonly blocked: string[];
  close(): Promise<void>;
}

function allowed(url: string): boolean {
  if (url.startsWith('file:') || url.startsWith('blob:') || url.startsWith('data:') || url === 'about:blank')
    return true;
  try {
    const u = new URL(url);
    return (
      (u.protocol === 'http:' || u.protocol === 'https:') && (u.hostname === '127.0.0.1' || u.hostname === 'localhost')
    );
  } catch {
    return false;
  }
}

export async function launch(): Promise<TestBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does)`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-chromium-'));
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-downloads-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    viewport: { width: 1400, height: 1000 },
    deviceScaleFactor: 1,
    acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
    downloadsPath: downloads,
    locale: 'ja-JP',
    timezoneId: 'Asia/Tokyo',
  });
  const blocked: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return {
    context,
    blocked,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
      fs.rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** Waits until the page has checked the current value (the verdict is no longer pending). */
export async function settled(page: Page, after?: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      document.body.dataset.verdict !== undefined &&
      document.body.dataset.verdict !== 'pending' &&
      Number(document.body.dataset.checked ?? 0) > n,
    after ?? 0,
  );
}

export async function checkedCount(page: Page): Promise<number> {
  return page.evaluate(() => Number(document.body.dataset.checked ?? 0));
}

/** Runs `action`, then waits for the check it causes (if it changed anything). */
export async function andSettle(page: Page, action: () => Promise<unknown>): Promise<void> {
  await action();
  // The form library reports a change on the next animation frame; the page then checks after 200 ms.
  await page.waitForTimeout(80);
  await page.waitForFunction(() => document.body.dataset.verdict !== 'pending');
}

const nameOf = (field: string) =>
  `root${field
    .split('.')
    .map((s) => `[${s}]`)
    .join('')}`;

/** Types into the form field at a dotted path (as a clerk does: type, then leave the field). */
export async function fill(page: Page, field: string, value: string): Promise<void> {
  await andSettle(page, async () => {
    const input = page.locator(`[name="${nameOf(field)}"]`).first();
    await input.fill(value);
    await input.dispatchEvent('change');
  });
}

export async function choose(page: Page, field: string, value: string): Promise<void> {
  await andSettle(page, () =>
    page
      .locator(`[name="${nameOf(field)}"]`)
      .first()
      .selectOption(value),
  );
}

/** Clicks the form library's "add" button of the list at `field`. */
export async function addRow(page: Page, field: string): Promise<void> {
  await andSettle(page, () =>
    page.evaluate((p) => {
      const b = [...document.querySelectorAll<HTMLButtonElement>('button.json-editor-btn-add')].find(
        (x) => x.closest('[data-schemapath]')?.getAttribute('data-schemapath') === p,
      );
      if (!b) throw new Error(`no add button for ${p}`);
      b.click();
    }, `root.${field}`),
  );
}

/** Ticks the opt-in box of an optional field (e.g. servers.1.oracleDatabase). */
export async function optIn(page: Page, field: string): Promise<void> {
  await andSettle(page, () =>
    page.evaluate((p) => {
      const box = document.querySelector<HTMLInputElement>(`[data-schemapath="${p}"] .json-editor-opt-in`);
      if (!box) throw new Error(`no opt-in box for ${p}`);
      if (!box.checked) box.click();
    }, `root.${field}`),
  );
}

/** Chooses the branch of a oneOf field (the way in of a server) by its Japanese title. */
export async function chooseBranch(page: Page, field: string, titleJa: string): Promise<void> {
  await andSettle(page, async () => {
    const select = page.locator(`[data-schemapath="root.${field}"] select.je-switcher`).first();
    await select.selectOption({ label: titleJa });
  });
}

/** The page's issue list: rule ID, field and the Japanese message. */
export async function issues(
  page: Page,
): Promise<Array<{ rule: string; field: string; text: string; severity: string }>> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('#issues li')].map((li) => ({
      rule: li.dataset.rule ?? '',
      field: li.dataset.field ?? '',
      text: li.textContent ?? '',
      severity: li.classList.contains('error') ? 'error' : 'warning',
    })),
  );
}
