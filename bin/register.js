'use strict';
// Loads the CLI's TypeScript with swc (@swc/core) directly: ts-node reads tsconfig.json with the
// TypeScript compiler, which alone takes about 0.3 s of every start (issue 14). The swc options are the
// ones ts-node derives from tsconfig.json (target ES2022, CommonJS, esModuleInterop, strict), checked
// by test/cli/register.test.ts. Without @swc/core, ts-node (transpile-only, TypeScript's transpiler) is
// used. With KIBAN_DEBUG=1 stack traces point into the TypeScript (inline source maps, Node's own
// support); otherwise no source maps are made (they cost about a tenth of the start).
const crypto = require('crypto');
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

/**
 * Compiled modules from earlier runs, in one file of the tool cache (issue 14): every start would
 * otherwise load swc's native library (about 0.1 s) and compile some 150 files (about 0.15 s). An
 * entry is used only when its source's SHA-256 and the swc version and options are the same, so it is
 * the code swc would produce now. `KIBAN_CACHE=off` turns it off; `KIBAN_CACHE_DIR` moves it, as for
 * the rest of the tool cache (lib/model/tool.ts). Written whole (a temporary file renamed) at exit,
 * only when something was compiled; an unreadable or foreign file is ignored.
 */
function openTranspileCache(options) {
  const env = process.env;
  if (env.KIBAN_CACHE === 'off') return undefined;
  const dir = env.KIBAN_CACHE_DIR || path.join(ROOT, 'node_modules', '.cache', 'kiban');
  const file = path.join(dir, 'transpiled.json');
  let swcVersion;
  try {
    swcVersion = require('@swc/core/package.json').version;
  } catch {
    return undefined;
  }
  const header = JSON.stringify({ format: 1, swc: swcVersion, options });
  let stored = {};
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (data && data.header === header && data.files && typeof data.files === 'object') stored = data.files;
  } catch {
    /* absent or unreadable: start empty */
  }
  const used = {};
  let changed = false;
  process.once('exit', () => {
    // Entries of files this run did not load are kept (`kiban validate` loads fewer modules than `kiban
    // synth`: each would otherwise drop what the other compiled); those of files no longer there are dropped.
    for (const rel of Object.keys(stored)) {
      if (used[rel]) continue;
      if (fs.existsSync(path.join(ROOT, ...rel.split('/')))) used[rel] = stored[rel];
      else changed = true;
    }
    if (!changed) return;
    const tmp = path.join(dir, `.transpiled.json.${process.pid}.${Math.random().toString(36).slice(2)}`);
    try {
      fs.mkdirSync(dir, { recursive: true });
      const files = {};
      for (const k of Object.keys(used).sort()) files[k] = used[k];
      fs.writeFileSync(tmp, JSON.stringify({ header, files }), { flag: 'wx' });
      fs.renameSync(tmp, file);
    } catch {
      fs.rmSync(tmp, { force: true });
    }
  });
  return {
    get(rel, sha) {
      const e = stored[rel];
      if (e && e.sha === sha && typeof e.code === 'string') {
        used[rel] = e;
        return e.code;
      }
      return undefined;
    },
    set(rel, sha, code) {
      used[rel] = { sha, code };
      changed = true;
    },
  };
}

function registerTypeScript() {
  let swc;
  const loadSwc = () => (swc ??= require('@swc/core'));
  try {
    require.resolve('@swc/core');
  } catch {
    require('ts-node').register({ transpileOnly: true, swc: false, project: path.join(ROOT, 'tsconfig.json') });
    return 'ts-node';
  }
  const debug = process.env.KIBAN_DEBUG === '1';
  if (debug) process.setSourceMapsEnabled(true);
  const options = { ...SWC_OPTIONS, sourceMaps: debug ? 'inline' : false };
  // Inline source maps name the file by its absolute path: cached only without them.
  const cache = debug ? undefined : openTranspileCache(options);
  const nodeModules = `${path.sep}node_modules${path.sep}`;
  const previous = require.extensions['.js'];
  require.extensions['.ts'] = (module, filename) => {
    // As ts-node: TypeScript under node_modules is not compiled (packages ship JavaScript).
    if (filename.includes(nodeModules) || filename.endsWith('.d.ts')) return previous(module, filename);
    const source = fs.readFileSync(filename, 'utf8');
    const rel = path.relative(ROOT, filename).split(path.sep).join('/');
    const sha = cache && crypto.createHash('sha256').update(source).digest('hex');
    let code = cache?.get(rel, sha);
    if (code === undefined) {
      code = loadSwc().transformSync(source, { ...options, filename }).code;
      cache?.set(rel, sha, code);
    }
    module._compile(code, filename);
  };
  return 'swc';
}

module.exports = { registerTypeScript, SWC_OPTIONS };
