/**
 * `npm run e2e`: the end-to-end suite. When the tools are not available (above all the vSphere
 * provider 2.15.0, which the Go module proxy refuses to serve), it says so loudly with the reason and
 * exits 0; with the tools present every scenario runs and a failure fails the command.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { loadTools } from './tools';

const t = loadTools();
if (!('tools' in t) && !t.skip) {
  process.stderr.write(`e2e: FAILED before starting: ${t.unavailable}\n`);
  process.exit(1);
}
if (!('tools' in t)) {
  const line = '='.repeat(78);
  process.stdout.write(
    `${line}\nSKIPPED: ${t.unavailable}\n(the e2e suite did not run; see README "End-to-end tests")\n${line}\n`,
  );
  process.exit(0);
}
const t0 = Date.now();
const jest = require.resolve('jest/bin/jest');
const r = spawnSync(
  process.execPath,
  [jest, '--config', path.join(__dirname, 'jest.config.js'), '--runInBand', ...process.argv.slice(2)],
  { stdio: 'inherit' },
);
process.stdout.write(`e2e: ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
process.exit(r.status ?? 1);
