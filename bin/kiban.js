#!/usr/bin/env node
'use strict';
// The kiban CLI: registers a TypeScript loader (bin/register.js: swc, else ts-node) and runs lib/cli/main.ts.
// `kiban validate` takes a fast path that never loads cdktf (a 100-system estate in about 1 s);
// `kiban validate --help` goes through the full program so its help matches every other command's.
const path = require('path');
require('./register').registerTypeScript();
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
