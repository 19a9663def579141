import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  OUTPUT_MARKER,
  OutputFolderError,
  assertReplaceable,
  commitStagingDir,
  makeStagingDir,
  recoverOutput,
  writeFiles,
} from '../../lib/synth/atomic';
import { SynthStage } from '../../lib/model/synth-stage';
import { synthesize } from '../../lib/synth/pipeline';
import { exampleEstate } from '../fixtures/estate';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-atomic-'));
const tree = (dir: string): Record<string, string> => {
  const out: Record<string, string> = {};
  const walk = (d: string, rel: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p, r);
      else if (e.isSymbolicLink()) out[r] = `-> ${fs.readlinkSync(p)}`;
      else out[r] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir, '');
  return out;
};
const one: SynthStage = { name: 'one', run: (ctx) => void ctx.files.set('a.txt', 'new') };
const run = (outdir: string) => synthesize(exampleEstate(), { outdir, stages: [one] });

describe('synth --out only replaces a folder synth wrote (issue 10, item 1)', () => {
  test('a checkout (.git, sources) is refused and nothing is touched', () => {
    const dir = path.join(tmp(), 'checkout');
    fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
    const before = tree(path.dirname(dir));
    expect(() => run(dir)).toThrow(OutputFolderError);
    expect(() => run(dir)).toThrow(/refusing to replace .*not written by kiban synth[\s\S]*置き換えられません/);
    expect(tree(path.dirname(dir))).toEqual(before);
  });

  test("the departments' declarations folder is refused", () => {
    const dir = tmp();
    const systems = path.join(dir, 'systems');
    fs.mkdirSync(path.join(systems, 'somu'), { recursive: true });
    fs.writeFileSync(path.join(systems, 'somu', 'bunsho.yaml'), 'systemId: bunsho\n');
    expect(() => run(systems)).toThrow(/KIBAN_OUTPUT_NOT_OURS/);
    expect(tree(dir)).toEqual({ 'systems/somu/bunsho.yaml': 'systemId: bunsho\n' });
  });

  test('the current folder, a file and a symbolic link are refused', () => {
    const dir = tmp();
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      fs.writeFileSync(OUTPUT_MARKER, '');
      expect(() => assertReplaceable('.')).toThrow(/current folder/);
    } finally {
      process.chdir(cwd);
    }
    fs.writeFileSync(path.join(dir, 'file'), 'x');
    expect(() => assertReplaceable(path.join(dir, 'file'))).toThrow(/not a folder/);
    fs.mkdirSync(path.join(dir, 'real'));
    fs.symlinkSync(path.join(dir, 'real'), path.join(dir, 'link'));
    expect(() => assertReplaceable(path.join(dir, 'link'))).toThrow(/symbolic link/);
  });

  test('an absent, an empty and a marked folder are replaced; the output carries the marker', () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    run(out);
    expect(tree(out)).toEqual({ [OUTPUT_MARKER]: expect.stringContaining('kiban synth'), 'a.txt': 'new' });
    fs.writeFileSync(path.join(out, 'stale.txt'), 'old');
    run(out);
    expect(Object.keys(tree(out))).toEqual([OUTPUT_MARKER, 'a.txt']);
    fs.mkdirSync(path.join(dir, 'empty'));
    run(path.join(dir, 'empty'));
    expect(Object.keys(tree(path.join(dir, 'empty')))).toEqual([OUTPUT_MARKER, 'a.txt']);
    expect(fs.readdirSync(dir).sort()).toEqual(['empty', 'out']);
  });
});

describe('the output swap is recoverable (issue 10, item 2)', () => {
  function interrupted(state: 'between-renames' | 'before-renames' | 'after-renames'): { dir: string; out: string } {
    const dir = tmp();
    const out = path.join(dir, 'out');
    run(out); // previous output: a.txt = new
    fs.writeFileSync(path.join(out, 'a.txt'), 'old');
    const staging = makeStagingDir(out);
    writeFiles(staging, new Map([['a.txt', 'next']]));
    const journal = path.join(dir, '.kiban-swap-out.json');
    fs.writeFileSync(journal, JSON.stringify({ target: out, staging, aside: `${staging}-old` }));
    if (state !== 'before-renames') fs.renameSync(out, `${staging}-old`);
    if (state === 'after-renames') fs.renameSync(staging, out);
    return { dir, out };
  }

  test('killed between the renames: the next run completes the swap', () => {
    const { dir, out } = interrupted('between-renames');
    expect(fs.existsSync(out)).toBe(false);
    const r = recoverOutput(out);
    expect(r.swap).toBe('completed');
    expect(fs.readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('next');
    expect(fs.readdirSync(dir)).toEqual(['out']);
  });

  test('killed before the first rename: the next run rolls back; after the second: it removes the old copy', () => {
    const a = interrupted('before-renames');
    expect(recoverOutput(a.out).swap).toBe('rolled-back');
    expect(fs.readFileSync(path.join(a.out, 'a.txt'), 'utf8')).toBe('old');
    expect(fs.readdirSync(a.dir)).toEqual(['out']);
    const b = interrupted('after-renames');
    expect(recoverOutput(b.out).swap).toBe('completed');
    expect(fs.readFileSync(path.join(b.out, 'a.txt'), 'utf8')).toBe('next');
    expect(fs.readdirSync(b.dir)).toEqual(['out']);
  });

  test('synth recovers first, and removes leftover staging folders (only its own)', () => {
    const { dir, out } = interrupted('between-renames');
    fs.mkdirSync(path.join(dir, '.kiban-tmp-out-leftover'));
    fs.mkdirSync(path.join(dir, '.kiban-tmp-other-keep'));
    const r = run(out);
    expect(r.recovered.swap).toBe('completed');
    expect(fs.readdirSync(dir).sort()).toEqual(['.kiban-tmp-other-keep', 'out']);
    expect(fs.readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('new');
  });

  test('a journal that points elsewhere is refused, nothing is touched', () => {
    const dir = tmp();
    const victim = path.join(dir, 'victim');
    fs.mkdirSync(victim);
    fs.writeFileSync(
      path.join(dir, '.kiban-swap-out.json'),
      JSON.stringify({ target: path.join(dir, 'out'), staging: victim, aside: `${victim}-old` }),
    );
    expect(() => recoverOutput(path.join(dir, 'out'))).toThrow(/KIBAN_SWAP_JOURNAL/);
    expect(fs.existsSync(victim)).toBe(true);
  });

  test('a process killed (SIGKILL) between the two renames: the next run completes the swap', () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    run(out);
    const script = `
      const fs = require('fs');
      const { makeStagingDir, writeFiles, commitStagingDir } = require(${JSON.stringify(path.join(__dirname, '..', '..', 'lib', 'synth', 'atomic.ts'))});
      const staging = makeStagingDir(${JSON.stringify(out)});
      writeFiles(staging, new Map([['a.txt', 'killed-run']]));
      const rename = fs.renameSync; let n = 0;
      fs.renameSync = (a, b) => { rename(a, b); if (++n === 2) process.kill(process.pid, 'SIGKILL'); };
      commitStagingDir(staging, ${JSON.stringify(out)});`;
    const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
      cwd: path.join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    expect(child.signal).toBe('SIGKILL');
    expect(fs.existsSync(out)).toBe(false); // what the two-rename swap left before this fix
    expect(recoverOutput(out).swap).toBe('completed');
    expect(fs.readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('killed-run');
    expect(fs.readdirSync(dir)).toEqual(['out']);
  });

  test('removing the old copy fails (EACCES): the new output is in place and the result says what was left where', () => {
    const dir = tmp();
    const out = path.join(dir, 'out');
    run(out);
    const staging = makeStagingDir(out);
    writeFiles(staging, new Map([['a.txt', 'next']]));
    const rm = fs.rmSync;
    const spy = jest.spyOn(require('fs') as typeof fs, 'rmSync').mockImplementation((p, o) => {
      if (String(p).endsWith('-old'))
        throw Object.assign(new Error(`EACCES: permission denied, rmdir '${String(p)}'`), { code: 'EACCES' });
      return rm(p, o);
    });
    // The plain walk's rmdir of the folder fails the same way.
    const rmdir = fs.rmdirSync;
    const spyDir = jest.spyOn(require('fs') as typeof fs, 'rmdirSync').mockImplementation((p, o) => {
      if (String(p).endsWith('-old'))
        throw Object.assign(new Error(`EACCES: permission denied, rmdir '${String(p)}'`), { code: 'EACCES' });
      return rmdir(p, o);
    });
    try {
      const r = commitStagingDir(staging, out);
      expect(r.leftOver).toEqual({ path: `${staging}-old`, reason: 'EACCES' });
    } finally {
      spy.mockRestore();
      spyDir.mockRestore();
    }
    expect(fs.readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('next');
    expect(fs.existsSync(path.join(dir, '.kiban-swap-out.json'))).toBe(false);
    // The next run removes it.
    expect(recoverOutput(out).removed).toEqual([`${staging}-old`]);
  });
});
