/**
 * Estate folders through the command line (issue 11): a new estate of one platform file and one
 * system synthesizes without touching the library; a department file added to a copy of the example
 * estate is checked and synthesized; an estate's optional TypeScript is loaded.
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { CliIo, runCli } from '../../lib/cli/main';
import { reviewStage } from '../../lib/review';
import { rulesStage } from '../../lib/rules';
import { AS_OF, REPO, copyExampleEstate, examplePlatform, tempDir } from '../fixtures/estate';

const KAIGI = {
  department: 'somu',
  systemId: 'kaigi',
  systemName: '会議室予約システム',
  contacts: { primary: { nameJa: '盛岡 花子', phone: '019-629-5111', email: 'kaigi@pref.example.jp' } },
  hypervisor: 'vsphere',
  phase: 'application',
  servers: [
    {
      name: 'kaigiap01',
      cpu: { sockets: 1, coresPerSocket: 2 },
      memoryGb: 8,
      disks: [{ sizeGb: 60 }],
      nics: [{ network: 'lgwan', ipv4: '10.120.1.71' }],
      guestOs: 'windows_server_2019',
      osLicense: 'department',
      source: { kind: 'template', template: 'ws2019' },
    },
  ],
  backup: { osImage: true, restoreTest: false },
};
const yaml = (schema: string, data: unknown) =>
  `# yaml-language-server: $schema=../../../schemas/${schema}\n${stringify(data)}`;

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (s) => stdout.push(s),
    err: (s) => stderr.push(s),
    stages: () => [rulesStage({ write: (s) => stderr.push(s) }), reviewStage()],
  };
}

/** A digest of every file under a folder (to show the library is not touched). */
function digest(dir: string): string {
  const h = crypto.createHash('sha256');
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else h.update(`${path.relative(dir, p)}\0`).update(fs.readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

describe('estate folders', () => {
  test('a new estate folder of one platform file and one system synthesizes with the kiban command, without touching the library', () => {
    const dir = tempDir('kiban-new-estate-');
    fs.mkdirSync(path.join(dir, 'platform'));
    fs.writeFileSync(path.join(dir, 'platform', 'platform.yaml'), yaml('platform.schema.json', examplePlatform()));
    fs.mkdirSync(path.join(dir, 'systems', 'somu'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'systems', 'somu', 'kaigi.yaml'), yaml('system.schema.json', KAIGI));
    const before = [digest(path.join(REPO, 'lib')), digest(path.join(REPO, 'schemas'))];
    const out = path.join(dir, 'out');
    const run = (args: string[]) =>
      execFileSync(process.execPath, [path.join(REPO, 'bin', 'kiban.js'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, CHECKPOINT_DISABLE: '1' },
      });
    expect(run(['validate', '--estate', dir])).toMatch(/0 error\(s\)/);
    run(['synth', '--estate', dir, '--out', out, '--quiet']);
    const stack = JSON.parse(fs.readFileSync(path.join(out, 'stacks', 'kaigi', 'cdk.tf.json'), 'utf8')) as {
      resource: Record<string, Record<string, unknown>>;
    };
    expect(Object.keys(stack.resource.vsphere_virtual_machine ?? {})).toHaveLength(1);
    expect(fs.existsSync(path.join(out, 'review', 'kaigi.md'))).toBe(true);
    expect([digest(path.join(REPO, 'lib')), digest(path.join(REPO, 'schemas'))]).toEqual(before);
  });

  test('a department file added to a copy of the example estate is validated against the whole estate and synthesized', () => {
    const dir = copyExampleEstate();
    const file = path.join(dir, 'systems', 'somu', 'kaigi.yaml');
    fs.writeFileSync(file, yaml('system.schema.json', KAIGI));
    const v = io();
    expect(runCli(['validate', '--estate', dir, file], v)).toBe(0);
    const s = io();
    const out = path.join(tempDir(), 'out');
    expect(runCli(['synth', '--estate', dir, '--out', out, '--quiet'], s)).toBe(0);
    const estate = JSON.parse(fs.readFileSync(path.join(out, 'estate.json'), 'utf8')) as {
      systems: { systemId: string }[];
    };
    expect(estate.systems.map((x) => x.systemId)).toEqual(expect.arrayContaining(['kaigi', 'bunsho', 'zeimu-db']));
    // the same file with an address another department already uses: both commands refuse it, at the same rule
    fs.writeFileSync(
      file,
      yaml('system.schema.json', {
        ...KAIGI,
        servers: [{ ...KAIGI.servers[0]!, nics: [{ network: 'lgwan', ipv4: '10.120.1.11' }] }],
      }),
    );
    const bad = io();
    expect(runCli(['validate', '--estate', dir, file], bad)).toBe(1);
    expect(bad.stdout.join('')).toMatch(/kaigi\.yaml:\d+:\d+: error \[R24\]/);
    const badSynth = io();
    expect(runCli(['synth', '--estate', dir, '--out', out, '--quiet'], badSynth)).toBe(1);
    expect(badSynth.stderr.join('')).toMatch(/ERROR \[R24\] R24-IpAddressesValid Estate\/somu-kaigi\/kaigiap01/);
  });

  test("the clock: the example estate's pin is said out loud; --now overrides it; an estate without a pin uses the real clock", () => {
    const dir = copyExampleEstate();
    const pinned = io();
    expect(runCli(['synth', '--estate', dir, '--out', path.join(tempDir(), 'o')], pinned)).toBe(0);
    expect(pinned.stderr.join('')).toContain('date rules evaluated at 2026-11-22T09:00:00+09:00, pinned by');
    const now = io();
    expect(runCli(['synth', '--estate', dir, '--out', path.join(tempDir(), 'o'), '--now', AS_OF], now)).toBe(0);
    expect(now.stderr.join('')).toContain(`date rules evaluated at ${AS_OF} (--now)`);
    fs.rmSync(path.join(dir, 'platform', 'clock.yaml'));
    const real = io();
    // kigyo-shien's snapshot expired long ago by the real clock: R11 fails the synth
    expect(runCli(['synth', '--estate', dir, '--out', path.join(tempDir(), 'o')], real)).toBe(1);
    expect(real.stderr.join('')).toContain('date rules evaluated at the current time');
    expect(real.stderr.join('')).toMatch(/ERROR \[R11\]/);
  });

  test("an estate's optional TypeScript (index.ts) declares extra constructs next to the YAML", () => {
    const dir = copyExampleEstate();
    fs.writeFileSync(
      path.join(dir, 'index.ts'),
      [
        `import type { EstateScript } from ${JSON.stringify(path.join(REPO, 'lib', 'intake'))};`,
        'export const declareEstate: EstateScript = (estate, kiban) => {',
        `  new kiban.IndividualBusinessSystem(estate, 'ts-kaigi', ${JSON.stringify(KAIGI)} as never);`,
        '};',
        '',
      ].join('\n'),
    );
    const out = path.join(tempDir(), 'out');
    expect(runCli(['synth', '--estate', dir, '--out', out, '--quiet'], io())).toBe(0);
    expect(fs.readFileSync(path.join(out, 'review', 'kaigi.md'), 'utf8')).toContain('会議室予約システム');
    const other = copyExampleEstate();
    fs.writeFileSync(path.join(other, 'index.ts'), 'export const nothing = 1;\n');
    const bad = io();
    expect(runCli(['synth', '--estate', other, '--out', out, '--quiet'], bad)).toBe(1);
    expect(bad.stderr.join('')).toMatch(
      /index\.ts:1:1: error \[SCHEMA\] \(file\): index\.ts must export a function declareEstate/,
    );
  });

  test("the repository's estate folder is the default; without platform data it says what to do", () => {
    const dir = tempDir();
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      const t = io();
      expect(runCli(['synth', '--out', path.join(dir, 'o'), '--quiet'], t)).toBe(1);
      expect(t.stderr.join('')).toMatch(/the estate estate has no platform data .*examples\/estate\/platform/s);
    } finally {
      process.chdir(cwd);
    }
  });
});
