#!/usr/bin/env node
'use strict';
// The kiban CLI: registers ts-node in transpile-only mode and runs lib/cli/main.ts.
const path = require('path');
require('ts-node').register({ transpileOnly: true, project: path.join(__dirname, '..', 'tsconfig.json') });
const { runCli } = require(path.join(__dirname, '..', 'lib', 'cli', 'main.ts'));
process.exitCode = runCli(process.argv.slice(2));
