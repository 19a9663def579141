import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { spawnSync } from 'child_process';
import { buildProgram, runCli, CliIo, CliStageOptions, packageVersion } from '../../lib/cli/main';
import { rulesStage } from '../../lib/rules/stage';
import { buildEstate } from '../../lib/cli/estate';
import { SynthStage } from '../../lib/model/synth-stage';
import { synthesize } from '../../lib/synth/pipeline';
import { vsphereStage } from '../../lib/vsphere/stage';
import { reviewStage } from '../../lib/review';
import { expectWellFormedMarkdown, tmpDir } from '../review/helpers';
import { sharedExampleEstate } from '../fixtures/estate';

/** A private copy of the example estate: the CLI never reads the repository's estate in tests. */
const EST = sharedExampleEstate();

function io(
  stages?: (o: CliStageOptions) => SynthStage[],
  isTTY = false,
): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    isTTY,
    out: (s) => stdout.push(s),
    err: (s) => stderr.push(s),
    ...(stages ? { stages } : {}),
  };
}

const listFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name]))
    .sort();

describe('kiban CLI', () => {
  test('synth writes the review documents of the example estate, with progress', () => {
    const out = path.join(tmpDir(), 'out');
    const t = io(() => [vsphereStage(), reviewStage()]);
    expect(runCli(['synth', '--estate', EST, '--out', out], t)).toBe(0);
    const files = listFiles(out);
    expect(files).toEqual(
      expect.arrayContaining([
        'estate.json',
        'atlantis.yaml',
        'review/ledgers.md',
        'review/kanko-web.md',
        'review/kokuho.md',
        'review/zeimu-db.md',
        'review/koho-old.md',
      ]),
    );
    for (const f of files.filter((x) => x.endsWith('.md')))
      expectWellFormedMarkdown(fs.readFileSync(path.join(out, f), 'utf8'));
    expect(t.stderr.join('')).toContain('[review] 10/10');
  });

  test('synth is byte-identical across runs', () => {
    const a = path.join(tmpDir(), 'a');
    const b = path.join(tmpDir(), 'b');
    const stages = () => [vsphereStage(), reviewStage()];
    expect(runCli(['synth', '--estate', EST, '--out', a, '--quiet'], io(stages))).toBe(0);
    expect(runCli(['synth', '--estate', EST, '--out', b, '--quiet'], io(stages))).toBe(0);
    const fa = listFiles(a);
    expect(fa).toEqual(listFiles(b));
    for (const f of fa.filter((x) => x !== 'manifest.json'))
      expect([f, fs.readFileSync(path.join(a, f), 'utf8')]).toEqual([f, fs.readFileSync(path.join(b, f), 'utf8')]);
  });

  test('a failed synth leaves the previous output untouched', () => {
    const out = path.join(tmpDir(), 'out');
    expect(
      runCli(
        ['synth', '--estate', EST, '--out', out, '--quiet'],
        io(() => [reviewStage()]),
      ),
    ).toBe(0);
    const before = fs.readFileSync(path.join(out, 'estate.json'), 'utf8');
    const failing: SynthStage = {
      name: 'boom',
      run: () => {
        throw new Error('stage failed');
      },
    };
    const t = io(() => [reviewStage(), failing]);
    expect(runCli(['synth', '--estate', EST, '--out', out, '--quiet'], t)).toBe(1);
    expect(t.stderr.join('')).toContain('stage failed');
    expect(fs.readFileSync(path.join(out, 'estate.json'), 'utf8')).toBe(before);
    expect(fs.readdirSync(path.dirname(out)).filter((n) => n.startsWith('.kiban-tmp'))).toEqual([]);
  });

  test('--now is passed to the estate clock', () => {
    expect(buildEstate({ estate: EST, now: '2027-01-01T00:00:00Z' }).clock().toISOString()).toBe(
      '2027-01-01T00:00:00.000Z',
    );
    const t = io(() => [reviewStage()]);
    expect(runCli(['synth', '--estate', EST, '--out', path.join(tmpDir(), 'o'), '--now', 'not-a-date'], t)).toBe(2);
    expect(t.stderr.join('')).toContain('not a date');
  });

  test('diff exits non-zero when a server is deleted instead of decommissioned', () => {
    const dir = tmpDir();
    const base = path.join(dir, 'base');
    const head = path.join(dir, 'head');
    synthesize(buildEstate({ estate: EST }), { outdir: base, stages: [reviewStage()] });
    synthesize(buildEstate({ estate: EST }), { outdir: head, stages: [reviewStage()] });
    const ok = io();
    expect(runCli(['diff', base, head], ok)).toBe(0);
    expect(ok.stdout.join('')).toContain('kiban estate diff');
    // Remove a server from HEAD's manifest: deleted, not decommissioned.
    const m = JSON.parse(fs.readFileSync(path.join(head, 'estate.json'), 'utf8'));
    m.systems = m.systems.map((s: { systemId: string; servers: unknown[] }) =>
      s.systemId === 'bunsho' ? { ...s, servers: s.servers.slice(1) } : s,
    );
    fs.writeFileSync(path.join(head, 'estate.json'), JSON.stringify(m));
    const bad = io();
    const outFile = path.join(dir, 'comment.md');
    expect(runCli(['diff', base, head, '--output', outFile], bad)).toBe(1);
    expect(bad.stderr.join('')).toMatch(/error: bunsho\/bunshoap01: server present in BASE is absent in HEAD/);
    expect(fs.readFileSync(outFile, 'utf8')).toContain('Destroys or recreates data');
  });

  test('impact lists systems and contacts behind a network, host, datastore; R12 by target version', () => {
    const t = io();
    expect(
      runCli(
        [
          'impact',
          '--estate',
          EST,
          '--network',
          'mynumber-kokuho',
          '--host',
          'KIBAN-HV01',
          '--datastore',
          'kiban-sys-ds02',
        ],
        t,
      ),
    ).toBe(0);
    const md = t.stdout.join('');
    expectWellFormedMarkdown(md);
    expect(md).toMatch(
      /\| kokuho \| 国民健康保険事務システム \| 保健福祉部 \| kokuhodb01 \| 担当者（正） 北上 三郎 \|/,
    );
    expect(md).toMatch(/\| zeimu-db \| .* \| zeimudb01 \|/);
    expect(md).toMatch(/\| hisai-shien \|/);
    expect(md).toMatch(/\| bunsho \| .* \| bunshoap01, bunshoap02 \|/);
    const up = io();
    expect(runCli(['impact', '--estate', EST, '--hyperv', '2025'], up)).toBe(0);
    expect(up.stdout.join('')).toContain('基盤バージョンアップの影響（R12）');
    const unknown = io();
    expect(runCli(['impact', '--estate', EST, '--cluster', 'nope'], unknown)).toBe(2);
    expect(runCli(['impact', '--estate', EST], io())).toBe(2);
  });

  test('atlantis prints the same atlantis.yaml that synth writes', () => {
    const t = io();
    expect(runCli(['atlantis', '--estate', EST], t)).toBe(0);
    const out = path.join(tmpDir(), 'o');
    synthesize(buildEstate({ estate: EST }), { outdir: out, stages: [reviewStage()] });
    expect(t.stdout.join('')).toBe(fs.readFileSync(path.join(out, 'atlantis.yaml'), 'utf8'));
    expect((parse(t.stdout.join('')) as { projects: unknown[] }).projects.length).toBe(9);
  });

  test('--help of each command', () => {
    for (const cmd of ['synth', 'diff', 'impact', 'atlantis']) {
      const t = io();
      expect(runCli([cmd, '--help'], t)).toBe(0);
      expect(t.stdout.join('')).toContain(`Usage: kiban ${cmd}`);
    }
  });

  test('synth counts what it really writes, cdktf stack files included; the manifest has no dangling reference', () => {
    const out = path.join(tmpDir(), 'out');
    const t = io((o) => [rulesStage(o.rules), vsphereStage(), reviewStage()]);
    expect(runCli(['synth', '--estate', EST, '--out', out], t)).toBe(0);
    const files = listFiles(out);
    const err = t.stderr.join('');
    expect(err).toContain(`wrote ${files.length} files to ${out}; rules: 0 error(s), `);
    expect(err).not.toContain('\r');
    expect(err).toContain('WARNING [R22]');
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as {
      stacks: Record<string, Record<string, string>>;
    };
    expect(Object.keys(manifest.stacks).length).toBe(9);
    for (const stack of Object.values(manifest.stacks)) {
      for (const key of ['synthesizedStackPath', 'stackMetadataPath'])
        expect([stack[key], files.includes(stack[key]!)]).toEqual([stack[key], true]);
      const tf = JSON.parse(fs.readFileSync(path.join(out, stack['synthesizedStackPath']!), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(JSON.parse(fs.readFileSync(path.join(out, stack['stackMetadataPath']!), 'utf8'))).toEqual({
        '//': tf['//'],
      });
    }
  });

  test('--quiet prints only the one-line summary (and errors); a terminal gets a progress bar', () => {
    const stages = (o: CliStageOptions) => [rulesStage(o.rules), reviewStage()];
    const quiet = io(stages, true);
    expect(runCli(['synth', '--estate', EST, '--out', path.join(tmpDir(), 'q'), '--quiet'], quiet)).toBe(0);
    expect(quiet.stdout).toEqual([]);
    expect(quiet.stderr.join('')).toMatch(
      /^wrote \d+ files to .*; rules: 0 error\(s\), \d+ warning\(s\), \d+ info\(s\), \d+ acknowledged\n$/,
    );
    const tty = io(stages, true);
    expect(runCli(['synth', '--estate', EST, '--out', path.join(tmpDir(), 't')], tty)).toBe(0);
    expect(tty.stderr.join('')).toContain('\r[review] ');
    expect(tty.stderr.join('')).toContain('█');
  });

  test('--version prints the package version', () => {
    const t = io();
    expect(runCli(['--version'], t)).toBe(0);
    expect(t.stdout.join('')).toBe(`${packageVersion()}\n`);
    expect(packageVersion()).toBe(
      (JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string })
        .version,
    );
  });

  test('every command has full help with an example, and every option its help names exists', () => {
    const { program } = buildProgram(io());
    expect(program.commands.map((c) => c.name())).toEqual([
      'synth',
      'diff',
      'plan-review',
      'impact',
      'validate',
      'atlantis',
      'form',
    ]);
    for (const cmd of program.commands) {
      const t = io();
      expect(runCli([cmd.name(), '--help'], t)).toBe(0);
      const help = t.stdout.join('');
      expect(help).toContain(`Usage: kiban ${cmd.name()}`);
      expect(help).toMatch(new RegExp(`Examples:\\n  kiban ${cmd.name()}`));
      expect(cmd.description().length).toBeGreaterThan(cmd.summary().length);
      const longs = new Set(cmd.options.map((o) => o.long));
      for (const flag of help.match(/--[a-z][a-z-]*/g) ?? [])
        if (flag !== '--help') expect([cmd.name(), flag, longs.has(flag)]).toEqual([cmd.name(), flag, true]);
    }
    // bin/kiban.js sends `validate --help` to the full program (its fast path skips only real runs).
    const r = spawnSync(process.execPath, [path.join(__dirname, '..', '..', 'bin', 'kiban.js'), 'validate', '--help'], {
      encoding: 'utf8',
    });
    expect(r.stdout).toContain('Examples:\n  kiban validate');
    // A reader that stops early (`| head`) is no error: no EPIPE stack trace.
    const piped = spawnSync(
      'sh',
      ['-c', `"${process.execPath}" "${path.join(__dirname, '..', '..', 'bin', 'kiban.js')}" help impact | head -1`],
      { encoding: 'utf8' },
    );
    expect([piped.stdout, piped.stderr]).toEqual(['Usage: kiban impact [options]\n', '']);
  });

  test("the README's command table matches --help", () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## The command line'), readme.indexOf('## Output folder'));
    const rows = [...section.matchAll(/^\| `kiban ([a-z-]+)([^`]*)` \| (.*) \|$/gm)].map((m) => ({
      name: m[1]!,
      usage: m[2]!,
      what: m[3]!,
    }));
    const { program } = buildProgram(io());
    expect(rows.map((r) => r.name)).toEqual(program.commands.map((c) => c.name()));
    for (const cmd of program.commands) {
      const row = rows.find((r) => r.name === cmd.name())!;
      expect([cmd.name(), row.what]).toEqual([cmd.name(), cmd.summary()]);
      expect([cmd.name(), (row.usage.match(/--[a-z][a-z-]*/g) ?? []).sort()]).toEqual([
        cmd.name(),
        cmd.options.map((o) => o.long!).sort(),
      ]);
      expect([cmd.name(), (row.usage.match(/\b[A-Z]{2,}\b/g) ?? []).length]).toEqual([
        cmd.name(),
        cmd.options.filter((o) => o.required || o.optional).length + cmd.registeredArguments.length,
      ]);
    }
  });

  test('impact names hosts as the platform data does and suggests near misses', () => {
    const ok = io();
    expect(runCli(['impact', '--estate', EST, '--host', 'kiban-esx01.pref.example.jp'], ok)).toBe(0);
    expect(ok.stdout.join('')).toContain('ホスト `kiban-esx01.pref.example.jp`');
    expect(ok.stdout.join('')).toMatch(/\| kanko-web \|/);
    const miss = io();
    expect(runCli(['impact', '--estate', EST, '--host', 'Kiban-Cluster01/esxi01'], miss)).toBe(2);
    expect(miss.stderr.join('')).toMatch(
      /^error: unknown host Kiban-Cluster01\/esxi01\. Did you mean kiban-esx01\.pref\.example\.jp\?/,
    );
    const pg = io();
    expect(runCli(['impact', '--estate', EST, '--network', 'pg-lgwan-v120'], pg)).toBe(0);
    expect(pg.stdout.join('')).toContain('ネットワーク `lgwan`');
  });

  test('impact --esxi / --hyperv: a verdict per server with fact and source, counts, and what to check with the vendor', () => {
    const t = io();
    expect(runCli(['impact', '--estate', EST, '--esxi', '8.0', '--hyperv', '2022', '--on', '2027-04-01'], t)).toBe(0);
    const md = t.stdout.join('');
    expectWellFormedMarkdown(md);
    // Windows Server 2016 (vendor support ends 2027-01-12) is past end of support on 2027-04-01, on both hypervisors.
    expect(md).toMatch(
      /\| bunsho \| bunshoap01 \| Windows Server 2016 \| ESXi 6\.5 → 8\.0 \| OSサポート終了 \(past end of support\) \| Windows Server 2016: the vendor's support ends 2027-01-12 .* \| \\\[\d+\\\] \|/,
    );
    expect(md).toMatch(
      /\| zeimu-db \| zeimudb01 \| Windows Server 2019 \| Hyper-V 2016 → 2022 \| 対応 \(supported\) \|/,
    );
    expect(md).toMatch(
      /\| kanko-web \| kankoweb01 \| Red Hat Enterprise Linux 7 \| ESXi 6\.5 → 8\.0 \| 未確認 \(unconfirmed\) \|/,
    );
    expect(md).toContain(
      '判定（verdicts）: 非対応 (unsupported) 0 件・OSサポート終了 (past end of support) 4 件・未確認 (unconfirmed) 5 件・対応 (supported) 1 件',
    );
    expect(md).toMatch(
      /\| Broadcom \(VMware\) \| Red Hat Enterprise Linux 7 \| ESXi 8\.0 \| kanko-web\/kankoweb01, kokuho\/kokuhodb01, kigyo-shien\/kigyoap01 \| \\\[\d+\\\] \|/,
    );
    expect(md).toMatch(
      /^\d+\. Broadcom Compatibility Guide \(Guest OS\): <https:\/\/compatibilityguide\.broadcom\.com\/>$/m,
    );
    expect(md).toMatch(/^\d+\. endoflife\.date: Windows Server .*: <https:\/\/endoflife\.date\/windows-server>$/m);
    expect(t.stderr.join('')).toBe(
      'R12: 非対応 (unsupported) 0 件・OSサポート終了 (past end of support) 4 件・未確認 (unconfirmed) 5 件・対応 (supported) 1 件\n',
    );
    const bad = io();
    expect(runCli(['impact', '--estate', EST, '--esxi', '8.0', '--on', 'next-year'], bad)).toBe(1);
    expect(bad.stderr.join('')).toContain(
      "option '--on <date>' argument 'next-year' is invalid. expected a day as YYYY-MM-DD",
    );
  });

  test('atlantis --out points the projects into the output folder', () => {
    const t = io();
    expect(runCli(['atlantis', '--estate', EST, '--out', 'cdktf.out/'], t)).toBe(0);
    const projects = (parse(t.stdout.join('')) as { projects: { dir: string }[] }).projects;
    expect(projects.map((p) => p.dir)).toContain('cdktf.out/stacks/platform');
    expect(projects.every((p) => p.dir.startsWith('cdktf.out/stacks/'))).toBe(true);
  });

  test('under cdktf (stacks/main.ts) warnings and progress go to stdout as plain lines; stderr stays for errors', () => {
    const out = path.join(tmpDir(), 'cdktf.out');
    const root = path.join(__dirname, '..', '..');
    const r = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', path.join(root, 'stacks', 'main.ts'), '--estate', EST],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CDKTF_OUTDIR: out, TS_NODE_PROJECT: path.join(root, 'tsconfig.json') },
      },
    );
    expect([r.status, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('WARNING [R22]');
    expect(r.stdout).not.toContain('\r');
    expect(r.stdout).toContain(`wrote ${listFiles(out).length} files to ${out}; rules: 0 error(s)`);
    const quiet = spawnSync(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', path.join(root, 'stacks', 'main.ts'), '--estate', EST],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, CDKTF_OUTDIR: out, KIBAN_QUIET: '1', TS_NODE_PROJECT: path.join(root, 'tsconfig.json') },
      },
    );
    expect([quiet.status, quiet.stderr]).toEqual([0, '']);
    expect(quiet.stdout).toMatch(/^wrote \d+ files to .*\n$/);
  }, 60_000);
});
