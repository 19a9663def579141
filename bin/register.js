'use strict';
// Loads the CLI's TypeScript with swc (@swc/core) directly: ts-node reads tsconfig.json with the
// TypeScript compiler, which alone takes about 0.3 s of every start (issue 14). The swc options are the
// ones ts-node derives from tsconfig.json (target ES2022, CommonJS, esModuleInterop, strict), checked
// by test/cli/register.test.ts. Without @swc/core, ts-node (transpile-only, TypeScript's transpiler) is
// used. With KIBAN_DEBUG=1 stack traces point into the TypeScript (inline source maps, Node's own
// support); otherwise no source maps are made (they cost about a tenth of the start).
const fs = require('fs');
const path = require('path');

const ROOT = path.join(__dirname, '..');

/** The options ts-node (10.9, swc transpiler) passes swc for this repository's tsconfig.json. */
const SWC_OPTIONS = {
  sourceMaps: false,
  module: { type: 'commonjs', noInterop: false, strictMode: true, ignoreDynamic: false },
  swcrc: false,
  jsc: {
    parser: { syntax: 'typescript', tsx: false, dynamicImport: true, importAssertions: true },
    target: 'es2022',
    transform: {
      legacyDecorator: true,
      react: { throwIfNamespace: false, useBuiltins: false },
      useDefineForClassFields: true,
    },
    keepClassNames: true,
    experimental: { keepImportAttributes: true, emitAssertForImportAttributes: true },
  },
};

function registerTypeScript() {
  let swc;
  try {
    swc = require('@swc/core');
  } catch {
    require('ts-node').register({ transpileOnly: true, swc: false, project: path.join(ROOT, 'tsconfig.json') });
    return 'ts-node';
  }
  const debug = process.env.KIBAN_DEBUG === '1';
  if (debug) process.setSourceMapsEnabled(true);
  const options = { ...SWC_OPTIONS, sourceMaps: debug ? 'inline' : false };
  const nodeModules = `${path.sep}node_modules${path.sep}`;
  const previous = require.extensions['.js'];
  require.extensions['.ts'] = (module, filename) => {
    // As ts-node: TypeScript under node_modules is not compiled (packages ship JavaScript).
    if (filename.includes(nodeModules) || filename.endsWith('.d.ts')) return previous(module, filename);
    const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
    module._compile(code, filename);
  };
  return 'swc';
}

module.exports = { registerTypeScript, SWC_OPTIONS };
