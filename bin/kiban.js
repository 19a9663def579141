#!/usr/bin/env node
'use strict';
// The kiban CLI: registers ts-node in transpile-only mode and runs lib/cli/main.ts.
// `kiban validate` takes a fast path that never loads cdktf (a 100-system estate in about 1 s);
// `kiban validate --help` goes through the full program so its help matches every other command's.
// ts-node transpiles with swc (@swc/core) when it is installed: about ten times faster to start.
const path = require('path');
let swc = false;
try {
  require.resolve('@swc/core');
  swc = true;
} catch {
  /* TypeScript's own transpiler */
}
require('ts-node').register({ transpileOnly: true, swc, project: path.join(__dirname, '..', 'tsconfig.json') });
const args = process.argv.slice(2);
// `kiban … | head`: a reader that stops early is not an error (no EPIPE stack trace).
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (e) => {
    if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    else throw e;
  });
if (args[0] === 'validate' && !args.includes('--help') && !args.includes('-h')) {
  const { runValidateCli } = require(path.join(__dirname, '..', 'lib', 'intake', 'validate-cli.ts'));
  process.exitCode = runValidateCli(args.slice(1));
} else {
  const { runCli } = require(path.join(__dirname, '..', 'lib', 'cli', 'main.ts'));
  process.exitCode = runCli(args);
}
