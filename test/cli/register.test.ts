import { spawnSync } from 'child_process';
import * as path from 'path';

// Issue 14: bin/kiban.js loads the TypeScript with swc directly (bin/register.js). Its options must be
// the ones ts-node (transpile-only, swc) derives from tsconfig.json, so the CLI runs the same code.
const REPO = path.join(__dirname, '..', '..');

test("bin/register.js gives swc the options ts-node derives from this repository's tsconfig.json", () => {
  const script = `
    const swc = require('@swc/core');
    const original = swc.transformSync;
    let seen;
    swc.transformSync = function (src, opts) { if (src !== '') seen = opts; return original.apply(this, arguments); };
    require('ts-node').register({ transpileOnly: true, swc: true, project: 'tsconfig.json' });
    require('./lib/model/clock.ts');
    const { filename, ...options } = seen;
    process.stdout.write(JSON.stringify(options));`;
  const r = spawnSync(process.execPath, ['-e', script], { cwd: REPO, encoding: 'utf8' });
  expect(r.stderr).toBe('');

  const { SWC_OPTIONS } = require(path.join(REPO, 'bin', 'register.js')) as { SWC_OPTIONS: Record<string, unknown> };
  // ts-node keeps source maps for its own stack traces; the CLI makes them only with KIBAN_DEBUG=1.
  expect({ ...SWC_OPTIONS, sourceMaps: true }).toEqual(JSON.parse(r.stdout));
});

test('the CLI starts through it, with and without KIBAN_DEBUG=1 (inline source maps): --version, an estate error', () => {
  const bin = path.join(REPO, 'bin', 'kiban.js');
  const v = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
  expect(v.status).toBe(0);
  expect(v.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  const bad = spawnSync(process.execPath, [bin, 'synth', '--estate', path.join(REPO, 'no-such-estate'), '--quiet'], {
    encoding: 'utf8',
    env: { ...process.env, KIBAN_DEBUG: '1' },
  });
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toMatch(/KIBAN_PLATFORM_MISSING/);
});

describe('the transpile cache (issue 14: no swc at start when nothing changed)', () => {
  const fs = require('fs') as typeof import('fs');
  const os = require('os') as typeof import('os');
  const { createHash } = require('crypto') as typeof import('crypto');
  const bin = path.join(REPO, 'bin', 'kiban.js');
  const run = (dir: string) =>
    spawnSync(process.execPath, [bin, '--version'], {
      encoding: 'utf8',
      env: { ...process.env, KIBAN_CACHE: 'on', KIBAN_CACHE_DIR: dir },
    });
  type Cache = { header: string; files: Record<string, { sha: string; code: string }> };
  const read = (dir: string): Cache => JSON.parse(fs.readFileSync(path.join(dir, 'transpiled.json'), 'utf8')) as Cache;

  test('is written on the first run with one entry per loaded source, keyed by its SHA-256', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-transpile-'));
    try {
      expect(run(dir).status).toBe(0);
      const c = read(dir);
      expect(JSON.parse(c.header)).toMatchObject({ format: 1, swc: expect.any(String) });
      const main = c.files['lib/cli/main.ts']!;
      expect(main.sha).toBe(
        createHash('sha256')
          .update(fs.readFileSync(path.join(REPO, 'lib/cli/main.ts')))
          .digest('hex'),
      );
      expect(Object.keys(c.files).every((k) => k.startsWith('lib/') && k.endsWith('.ts'))).toBe(true);
      expect(fs.readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]); // no temporary file left
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an entry is used only while its SHA-256 matches the source; a stale one is compiled again and replaced', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-transpile-'));
    try {
      expect(run(dir).status).toBe(0);
      const c = read(dir);
      const marked = 'process.stdout.write("from-cache\\n"); process.exit(0);';
      const write = (sha: string) =>
        fs.writeFileSync(
          path.join(dir, 'transpiled.json'),
          JSON.stringify({ ...c, files: { ...c.files, 'lib/cli/main.ts': { sha, code: marked } } }),
        );
      write(c.files['lib/cli/main.ts']!.sha);
      expect(run(dir).stdout).toBe('from-cache\n'); // the entry was taken as it is: swc was not asked
      write('0'.repeat(64));
      const r = run(dir);
      expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
      expect(read(dir).files['lib/cli/main.ts']).toEqual(c.files['lib/cli/main.ts']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a run keeps the entries of modules it did not load (validate's fewer than synth's); those of removed files are dropped", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-transpile-'));
    try {
      expect(run(dir).status).toBe(0);
      const c = read(dir);
      const extra = { sha: '1'.repeat(64), code: 'module.exports = 1;' };
      // lib/review/diff.ts exists but --version does not load it; lib/gone.ts does not exist.
      const files = { ...c.files, 'lib/review/diff.ts': extra, 'lib/gone.ts': extra };
      fs.writeFileSync(path.join(dir, 'transpiled.json'), JSON.stringify({ ...c, files }));
      expect(run(dir).status).toBe(0);
      const after = read(dir).files;
      expect(after['lib/review/diff.ts']).toEqual(extra);
      expect(after['lib/gone.ts']).toBeUndefined();
      expect(Object.keys(after).sort()).toEqual([...Object.keys(c.files), 'lib/review/diff.ts'].sort());
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a foreign or broken cache file is ignored; KIBAN_CACHE=off writes none', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-transpile-'));
    try {
      fs.writeFileSync(path.join(dir, 'transpiled.json'), '{not json');
      expect(run(dir).status).toBe(0);
      expect(Object.keys(read(dir).files).length).toBeGreaterThan(10);
      const off = fs.mkdtempSync(path.join(os.tmpdir(), 'kiban-transpile-off-'));
      const r = spawnSync(process.execPath, [bin, '--version'], {
        encoding: 'utf8',
        env: { ...process.env, KIBAN_CACHE_DIR: off, KIBAN_CACHE: 'off' },
      });
      expect(r.status).toBe(0);
      expect(fs.readdirSync(off)).toEqual([]);
      fs.rmSync(off, { recursive: true, force: true });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
