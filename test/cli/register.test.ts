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
