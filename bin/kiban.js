#!/usr/bin/env node
'use strict';
// The kiban CLI: registers ts-node in transpile-only mode and runs lib/cli/main.ts.
// `kiban validate` takes a fast path that never loads cdktf (department feedback in under 2 s);
// `kiban validate --help` goes through the full program so its help matches every other command's.
const path = require('path');
require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
const args = process.argv.slice(2);
// `kiban … | head`: a reader that stops early is not an error (no EPIPE stack trace).
for (const stream of [process.stdout, process.stderr]) stream.on('error', (e) => { if (e && e.code === 'EPIPE') process.exit(process.exitCode ?? 0); else throw e; });
if (args[0] === 'validate' && !args.includes('--help') && !args.includes('-h')) {
  const { runValidateCli } = require(path.join(__dirname, '..', 'lib', 'intake', 'validate-cli.ts'));
  process.exitCode = runValidateCli(args.slice(1));
} else {
  const { runCli } = require(path.join(__dirname, '..', 'lib', 'cli', 'main.ts'));
  process.exitCode = runCli(args);
}
