import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { runCli, CliIo } from '../../lib/cli/main';
import { buildEstate } from '../../lib/cli/estate';
import { SynthStage } from '../../lib/synth/context';
import { synthesize } from '../../lib/synth/pipeline';
import { vsphereStage } from '../../lib/vsphere/stage';
import { reviewStage } from '../../lib/review';
import { expectWellFormedMarkdown, tmpDir } from '../review/helpers';
import { sharedExampleEstate } from '../fixtures/estate';

/** A private copy of the example estate: the CLI never reads the repository's estate in tests. */
const EST = sharedExampleEstate();

function io(stages?: () => SynthStage[]): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), ...(stages ? { stages } : {}) };
}

const listFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)).map((f) => `${e.name}/${f}`) : [e.name])).sort();

describe('kiban CLI', () => {
  test('synth writes the review documents of the example estate, with progress', () => {
    const out = path.join(tmpDir(), 'out');
    const t = io(() => [vsphereStage(), reviewStage()]);
    expect(runCli(['synth', '--estate', EST, '--out', out], t)).toBe(0);
    const files = listFiles(out);
    expect(files).toEqual(expect.arrayContaining(['estate.json', 'atlantis.yaml', 'review/ledgers.md', 'review/kanko-web.md', 'review/kokuho.md', 'review/zeimu-db.md', 'review/koho-old.md']));
    for (const f of files.filter((x) => x.endsWith('.md'))) expectWellFormedMarkdown(fs.readFileSync(path.join(out, f), 'utf8'));
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
    for (const f of fa.filter((x) => x !== 'manifest.json')) expect([f, fs.readFileSync(path.join(a, f), 'utf8')]).toEqual([f, fs.readFileSync(path.join(b, f), 'utf8')]);
  });

  test('a failed synth leaves the previous output untouched', () => {
    const out = path.join(tmpDir(), 'out');
    expect(runCli(['synth', '--estate', EST, '--out', out, '--quiet'], io(() => [reviewStage()]))).toBe(0);
    const before = fs.readFileSync(path.join(out, 'estate.json'), 'utf8');
    const failing: SynthStage = { name: 'boom', run: () => { throw new Error('stage failed'); } };
    const t = io(() => [reviewStage(), failing]);
    expect(runCli(['synth', '--estate', EST, '--out', out, '--quiet'], t)).toBe(1);
    expect(t.stderr.join('')).toContain('stage failed');
    expect(fs.readFileSync(path.join(out, 'estate.json'), 'utf8')).toBe(before);
    expect(fs.readdirSync(path.dirname(out)).filter((n) => n.startsWith('.kiban-tmp'))).toEqual([]);
  });

  test('--now is passed to the estate clock', () => {
    expect(buildEstate({ estate: EST, now: '2027-01-01T00:00:00Z' }).clock().toISOString()).toBe('2027-01-01T00:00:00.000Z');
    const t = io(() => [reviewStage()]);
    expect(runCli(['synth', '--estate', EST, '--out', path.join(tmpDir(), 'o'), '--now', 'not-a-date'], t)).toBe(1);
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
    m.systems = m.systems.map((s: { systemId: string; servers: unknown[] }) => (s.systemId === 'bunsho' ? { ...s, servers: s.servers.slice(1) } : s));
    fs.writeFileSync(path.join(head, 'estate.json'), JSON.stringify(m));
    const bad = io();
    const outFile = path.join(dir, 'comment.md');
    expect(runCli(['diff', base, head, '--output', outFile], bad)).toBe(1);
    expect(bad.stderr.join('')).toMatch(/error: bunsho\/bunshoap01: server present in BASE is absent in HEAD/);
    expect(fs.readFileSync(outFile, 'utf8')).toContain('Destroys or recreates data');
  });

  test('impact lists systems and contacts behind a network, host, datastore; R12 by target version', () => {
    const t = io();
    expect(runCli(['impact', '--estate', EST, '--network', 'mynumber-kokuho', '--host', 'KIBAN-HV01', '--datastore', 'kiban-sys-ds02'], t)).toBe(0);
    const md = t.stdout.join('');
    expectWellFormedMarkdown(md);
    expect(md).toMatch(/\| kokuho \| 国民健康保険事務システム \| 保健福祉部 \| kokuhodb01 \| 担当者（正） 北上 三郎 \|/);
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
});
