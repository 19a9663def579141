/**
 * The application form page in a real browser (issue 16): a clerk fills in a two-server system, sees
 * the Japanese errors of the rule pack (an IP outside its subnet R24, Oracle on VMware R21), fixes
 * them, downloads the YAML; `kiban validate` accepts it and it equals the YAML written by hand. An
 * example YAML loads into the form. Nothing is requested from the network.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Page } from 'playwright-core';
import { buildFormPage, serveForm } from '../../lib/form';
import { TestBrowser, addRow, andSettle, choose, chooseBranch, fill, issues, launch, optIn, settled } from './browser';

const REPO = path.join(__dirname, '..', '..');
const KIBAN = path.join(REPO, 'bin', 'kiban.js');
const FIXTURE = path.join(__dirname, 'fixtures', 'kaigi.yaml');
const SCREENSHOT = path.join(REPO, 'docs', 'images', 'application-form.png');
const HREF = '../../../../schemas/system.schema.json';

let tmp: string;
let estate: string;
let pageFile: string;
let browser: TestBrowser;

jest.setTimeout(240_000);

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-form-'));
  estate = path.join(tmp, 'estate');
  fs.cpSync(path.join(REPO, 'examples', 'estate'), estate, { recursive: true });
  const files = buildFormPage({ estate, schemaHref: HREF });
  fs.mkdirSync(path.join(tmp, 'form'));
  pageFile = path.join(tmp, 'form', 'index.html');
  fs.writeFileSync(pageFile, files.get('index.html')!);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

afterEach(() => {
  // Offline: not one request left the machine.
  expect(browser.blocked).toEqual([]);
});

function validateJson(file: string): { ok: boolean; errors: Array<{ ruleId: string; field: string }> } {
  let out: string;
  try {
    out = execFileSync(process.execPath, [KIBAN, 'validate', file, '--estate', estate, '--json'], { encoding: 'utf8' });
  } catch (e) {
    out = String((e as { stdout?: unknown }).stdout);
  }
  return JSON.parse(out) as { ok: boolean; errors: Array<{ ruleId: string; field: string }> };
}

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as unknown as { kibanErrors: string[] }).kibanErrors = errors;
  await page.goto(url);
  await settled(page);
  return page;
}

const pageErrors = (page: Page) => (page as unknown as { kibanErrors: string[] }).kibanErrors;

async function fillServer(
  page: Page,
  i: number,
  s: { name: string; role: string; sockets: string; cores: string; memory: string; disks: string[]; ip: string },
): Promise<void> {
  const at = `servers.${i}`;
  await fill(page, `${at}.name`, s.name);
  await optIn(page, `${at}.roleJa`);
  await fill(page, `${at}.roleJa`, s.role);
  await fill(page, `${at}.cpu.sockets`, s.sockets);
  await fill(page, `${at}.cpu.coresPerSocket`, s.cores);
  await fill(page, `${at}.memoryGb`, s.memory);
  for (let d = 0; d < s.disks.length; d++) {
    if (d > 0) await addRow(page, `${at}.disks`);
    await fill(page, `${at}.disks.${d}.sizeGb`, s.disks[d]!);
  }
  await choose(page, `${at}.nics.0.network`, 'lgwan');
  await optIn(page, `${at}.nics.0.ipv4`);
  await fill(page, `${at}.nics.0.ipv4`, s.ip);
  await choose(page, `${at}.guestOs`, 'windows_server_2019');
  await chooseBranch(page, `${at}.source`, '新規構築（テンプレートから作成）');
  await choose(page, `${at}.source.template`, 'ws2019');
}

test('a clerk fills in a two-server system, fixes the errors and gets the YAML written by hand', async () => {
  const page = await open(`file://${pageFile}`);
  await choose(page, 'department', 'somu');
  await fill(page, 'systemId', 'kaigi');
  await fill(page, 'systemName', '会議室予約システム');
  await fill(page, 'contacts.primary.nameJa', '盛岡 花子');
  await fill(page, 'contacts.primary.phone', '019-629-5111');
  await fill(page, 'contacts.primary.email', 'kaigi@pref.example.jp');
  await choose(page, 'hypervisor', 'vsphere');
  await addRow(page, 'servers');
  // An IP outside the LGWAN subnet 10.120.0.0/22.
  await fillServer(page, 0, {
    name: 'kaigiap01',
    role: 'APサーバ',
    sockets: '2',
    cores: '2',
    memory: '16',
    disks: ['100', '200'],
    ip: '10.121.1.71',
  });
  await addRow(page, 'servers');
  await fillServer(page, 1, {
    name: 'kaigidb01',
    role: 'DBサーバ',
    sockets: '1',
    cores: '4',
    memory: '32',
    disks: ['100'],
    ip: '10.120.1.72',
  });
  // Oracle Database on VMware.
  await optIn(page, 'servers.1.oracleDatabase');
  await choose(page, 'servers.1.oracleDatabase.edition', 'SE2');
  await choose(page, 'servers.1.oracleDatabase.license', 'shared');
  await optIn(page, 'servers.1.backupVolume');
  await fill(page, 'servers.1.backupVolume.sizeGb', '200');
  await choose(page, 'backup.restoreTest', '1'); // 希望する

  const errors = (await issues(page)).filter((i) => i.severity === 'error');
  expect(errors.map((e) => e.rule)).toEqual(expect.arrayContaining(['R21', 'R24']));
  // One verdict: kiban validate of the same text finds the same problems at the same fields.
  const draft = path.join(estate, 'systems', 'somu', 'kaigi.yaml');
  fs.writeFileSync(
    draft,
    await page.evaluate(() => (window as unknown as { kibanForm: { yaml: string } }).kibanForm.yaml),
  );
  const report = validateJson(draft);
  expect(report.ok).toBe(false);
  const key = (i: { ruleId?: string; rule?: string; field: string }) => `${i.ruleId ?? i.rule} ${i.field}`;
  expect(errors.map(key).sort()).toEqual(report.errors.map(key).sort());
  fs.rmSync(draft);
  const r24 = errors.find((e) => e.rule === 'R24')!;
  expect(r24.text).toContain('10.121.1.71 はネットワーク lgwan のサブネット 10.120.0.0/22 の範囲外です');
  expect(r24.field).toBe('servers.0'); // where validate locates a rule finding: the server's entry
  const r21 = errors.find((e) => e.rule === 'R21')!;
  expect(r21.text).toContain(
    '仮想サーバ kaigidb01 は Oracle Database SE2 を搭載していますが VMware vSphere 上にあります',
  );
  expect(await page.locator('#status').textContent()).toContain(`エラー ${errors.length} 件`);
  // The message also stands in the form, at the server.
  expect(await page.locator('[data-schemapath="root.servers.0"]').first().textContent()).toContain('[R24]');

  // The picture in README and docs/intake-guide.md: regenerated on demand only (KIBAN_SCREENSHOT=1 npx jest test/form).
  if (process.env.KIBAN_SCREENSHOT === '1') {
    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('[name="root[servers][0][nics][0][ipv4]"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT, fullPage: false, animations: 'disabled', caret: 'hide' });
  }
  expect(fs.existsSync(SCREENSHOT)).toBe(true);

  await fill(page, 'servers.0.nics.0.ipv4', '10.120.1.71');
  await choose(page, 'hypervisor', 'hyperv');
  expect(await issues(page)).toEqual([]);
  expect(await page.locator('#status').textContent()).toContain('提出できます');

  // The review document preview and the print view of 様式1 come from the same declaration.
  await page.click('#tab-review');
  expect(await page.locator('#review-preview').textContent()).toContain(
    '統合基盤 利用申請 審査資料: 会議室予約システム',
  );
  await page.click('#tab-print');
  const printed = await page.locator('#print-preview').textContent();
  expect(printed).toContain('個別業務システム統合基盤利用申請書');
  expect(printed).toContain('kaigidb01');
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('#print-view').isVisible()).toBe(true);
  expect(await page.locator('#form').isVisible()).toBe(false);
  await page.emulateMedia({ media: 'screen' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  expect(download.suggestedFilename()).toBe('kaigi.yaml');
  const saved = path.join(estate, 'systems', 'somu', 'kaigi.yaml');
  await download.saveAs(saved);
  const yaml = fs.readFileSync(saved, 'utf8');
  expect(yaml).toBe(fs.readFileSync(FIXTURE, 'utf8'));
  expect(yaml.split('\n')[0]).toBe(`# yaml-language-server: $schema=${HREF}`);
  // kiban validate accepts it in the estate.
  const out = execFileSync(process.execPath, [KIBAN, 'validate', saved, '--estate', estate], { encoding: 'utf8' });
  expect(out).toContain('0 error(s), 0 warning(s)');
  // The copy button gives the same text.
  await page.click('#copy');
  await page.waitForFunction(() => document.getElementById('toast')!.textContent!.includes('コピーしました'));
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(yaml);
  expect(await page.evaluate(() => (window as unknown as { kibanForm: { yaml: string } }).kibanForm.yaml)).toBe(yaml);
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});

test('an example YAML loads into the form over the loopback server, with its values in the fields', async () => {
  const files = buildFormPage({ estate, schemaHref: HREF });
  const server = await serveForm(files);
  try {
    const page = await open(server.url);
    await andSettle(page, () =>
      page.setInputFiles('#load-file', path.join(REPO, 'examples', 'estate', 'systems', 'hoken', 'kokuho.yaml')),
    );
    // Everything of the file is in the form (nothing is dropped on saving).
    expect(await page.locator('#toast').textContent()).toBe('kokuho.yaml を読み込みました。');
    expect(await page.inputValue('[name="root[systemId]"]')).toBe('kokuho');
    expect(await page.inputValue('[name="root[systemName]"]')).toBe('国民健康保険事務システム');
    expect(await page.inputValue('[name="root[department]"]')).toBe('hoken');
    expect(await page.inputValue('[name="root[servers][0][name]"]')).toBe('kokuhodb01');
    expect(await page.inputValue('[name="root[servers][0][memoryGb]"]')).toBe('32');
    expect(await page.inputValue('[name="root[servers][0][nics][0][network]"]')).toBe('mynumber-kokuho');
    expect(await page.inputValue('[name="root[servers][0][nics][0][ipv4]"]')).toBe('10.231.0.11');
    // It is the estate's own system, checked in its place: it passes as it does in kiban validate.
    expect((await issues(page)).filter((i) => i.severity === 'error')).toEqual([]);
    expect(await page.locator('#status').textContent()).toContain('提出できます');
    // Every example loads without losing a value (the form has a field for everything the schema allows).
    const dir = path.join(REPO, 'examples', 'estate', 'systems');
    for (const d of fs.readdirSync(dir).sort()) {
      for (const f of fs.readdirSync(path.join(dir, d)).sort()) {
        await andSettle(page, () => page.setInputFiles('#load-file', path.join(dir, d, f)));
        expect([f, await page.locator('#toast').textContent()]).toEqual([f, `${f} を読み込みました。`]);
      }
    }
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  } finally {
    await server.close();
  }
});

test('one verdict: for every example system, and a broken copy of each, the page finds what kiban validate finds', async () => {
  const page = await open(`file://${pageFile}`);
  const dir = path.join(REPO, 'examples', 'estate', 'systems');
  const cases: Array<[string, string]> = [];
  for (const d of fs.readdirSync(dir).sort()) {
    for (const f of fs.readdirSync(path.join(dir, d)).sort()) {
      const text = fs.readFileSync(path.join(dir, d, f), 'utf8');
      cases.push([`systems/${d}/${f}`, text]);
      // The same system with its first IP moved out of every subnet and a server name another system uses.
      cases.push([
        `systems/${d}/${f}`,
        text.replace(/ipv4: [0-9.]+/, 'ipv4: 192.0.2.30').replace(/- name: [a-z0-9-]+/, '- name: kokuhodb01'),
      ]);
    }
  }
  let failing = 0;
  for (const [rel, text] of cases) {
    const inPage = await page.evaluate(
      ([r, t]) =>
        (
          window as unknown as {
            kibanForm: {
              check(
                r: string,
                t: string,
              ): {
                ok: boolean;
                errors: Array<{ ruleId: string; field: string; line: number }>;
                warnings: Array<{ ruleId: string; field: string; line: number }>;
              };
            };
          }
        ).kibanForm.check(r, t),
      [rel, text] as const,
    );
    const file = path.join(estate, rel);
    const saved = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text);
    try {
      const report = validateJson(file) as unknown as {
        ok: boolean;
        files: Array<{
          file: string;
          errors: Array<{ ruleId: string; field: string; line: number }>;
          warnings: Array<{ ruleId: string; field: string; line: number }>;
        }>;
      };
      const mine = report.files.find((f) => f.file === file)!;
      const key = (i: { ruleId: string; field: string; line: number }) => `${i.ruleId} ${i.field} ${i.line}`;
      if (!inPage.ok) failing += 1;
      expect({ rel, ok: inPage.ok, errors: inPage.errors.map(key), warnings: inPage.warnings.map(key) }).toEqual({
        rel,
        ok: report.ok,
        errors: mine.errors.map(key),
        warnings: mine.warnings.map(key),
      });
    } finally {
      fs.writeFileSync(file, saved);
    }
  }
  // The broken copies really are broken (only those of systems the rules skip, e.g. decommissioned, pass).
  expect(failing).toBeGreaterThanOrEqual(cases.length / 2 - 2);
  expect(pageErrors(page)).toEqual([]);
  await page.close();
});
