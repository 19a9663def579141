/**
 * The application form page (issue 16): one static folder (`index.html` holds everything: the
 * bundled form library, model, rule pack and review document code, the form schema, and the
 * estate summary), no server needed, nothing loaded from the network (a Content-Security-Policy
 * forbids it). The browser code is bundled here with esbuild, at generation time; the output is
 * byte-identical for the same estate and sources.
 */
import * as fs from 'fs';
import * as path from 'path';
import { sha256, ToolCache, toolCache, toolFingerprint } from '../model/tool';
import { systemJsonSchema } from '../intake/schema';
import { formSchema } from './form-schema';
import { PAGE_ESTATE_ROOT, summarizeEstate } from './summary';
import { PAGE_CSS } from './style';
import type { EstateCheck } from '../intake/estate';

const BROWSER_DIR = path.join(__dirname, 'browser');
const REPO_ROOT = path.join(__dirname, '..', '..');

/** What the page reads at start-up (the `kiban-form-data` JSON script). */
export interface FormPageData {
  /** The json-editor schema (lib/form/form-schema.ts). */
  readonly formSchema: Record<string, unknown>;
  /** schemas/system.schema.json as generated: the order and defaults of the written YAML. */
  readonly systemSchema: Record<string, unknown>;
  /** The modeline's schema reference, relative to systems/<department>/ of the estate. */
  readonly schemaHref: string;
  /** Where the estate is mounted in the page's file system. */
  readonly estateRoot: string;
  /** The estate's files (platform as is, systems summarized), by path relative to the estate. */
  readonly files: Record<string, string>;
  readonly systems: ReadonlyArray<{
    readonly department: string;
    readonly systemId: string;
    readonly systemName: string;
  }>;
  readonly scriptLeftOut: boolean;
  /** `--now` given at generation: the date rules' time (else the estate's pinned time, else the browser's clock, as in `kiban validate`). */
  readonly now?: string;
}

export interface FormPageOptions {
  /** The estate folder (platform/*.yaml, systems/<department>/<system>.yaml). */
  readonly estate: string;
  /** ISO instant for the date rules (`--now`). @default the estate's pinned time, else the browser's clock */
  readonly now?: string;
  /**
   * The modeline's reference to the system schema. @default relative from
   * `<estate>/systems/<department>/` to this repository's schemas/system.schema.json
   */
  readonly schemaHref?: string;
}

let bundleCache: string | undefined;

/**
 * The browser code, bundled and minified (memoized: the sources do not change while running). The
 * bundle is a function of the tool alone (lib/ sources, the libraries pinned by the lockfile, esbuild's
 * version among them, and tsconfig.json), so it is kept in the tool's cache under that fingerprint
 * (lib/model/tool.ts) and bundled again only when the tool changed (esbuild takes about half a second).
 */
export function formBundle(cache: ToolCache | undefined = toolCache()): string {
  if (bundleCache !== undefined) return bundleCache;
  let tsconfig = '';
  try {
    tsconfig = fs.readFileSync(path.join(REPO_ROOT, 'tsconfig.json'), 'utf8');
  } catch {
    /* an installed package without it */
  }
  const name = `form-bundle-${sha256(`${toolFingerprint()}\0${tsconfig}`).slice(0, 32)}.js`;
  const cached = cache?.read(name);
  if (cached !== undefined) return (bundleCache = cached);
  bundleCache = bundleForm();
  cache?.write(name, bundleCache);
  return bundleCache;
}

function bundleForm(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { buildSync } = require('esbuild') as typeof import('esbuild'); // loaded only to bundle
  const result = buildSync({
    entryPoints: [path.join(BROWSER_DIR, 'main.ts')],
    absWorkingDir: REPO_ROOT,
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    alias: {
      fs: path.join(BROWSER_DIR, 'fs.ts'),
      crypto: path.join(BROWSER_DIR, 'crypto.ts'),
      path: 'path-browserify',
    },
    inject: [path.join(BROWSER_DIR, 'shims.ts')],
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  if (result.errors.length > 0) throw new Error(`form bundle failed: ${result.errors.map((e) => e.text).join('; ')}`);
  // Inline in <script>: no "</script" may appear in the text.
  return result.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1');
}

/** JSON safe inside a <script> element. */
function scriptJson(x: unknown): string {
  return JSON.stringify(x)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** The page's generator mark. */
export const FORM_GENERATOR = '<meta name="generator" content="kiban form">';

const CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data: blob:; font-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'";

/** The page's data for an estate folder (`loaded`: the run's own check of that folder, not read again). */
export function formPageData(options: FormPageOptions, loaded?: EstateCheck): FormPageData {
  const summary = summarizeEstate(options.estate, loaded);
  const schema = systemJsonSchema();
  const href =
    options.schemaHref ??
    path
      .relative(
        path.join(path.resolve(options.estate), 'systems', 'department'),
        path.join(REPO_ROOT, 'schemas', 'system.schema.json'),
      )
      .split(path.sep)
      .join('/');
  return {
    formSchema: formSchema(schema, summary.choices),
    systemSchema: schema,
    schemaHref: href,
    estateRoot: PAGE_ESTATE_ROOT,
    files: summary.files,
    systems: summary.systems,
    scriptLeftOut: summary.scriptLeftOut,
    ...(options.now !== undefined ? { now: options.now } : {}),
  };
}

/** The page's files: `index.html` (everything inline). `loaded`: the run's own check of the estate folder. */
export function buildFormPage(options: FormPageOptions, loaded?: EstateCheck): Map<string, string> {
  const data = formPageData(options, loaded);
  const html = [
    '<!DOCTYPE html>',
    '<html lang="ja">',
    '<head>',
    '<meta charset="utf-8">',
    FORM_GENERATOR,
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>個別業務システム統合基盤利用申請書（様式1）入力フォーム</title>',
    `<style>${PAGE_CSS}</style>`,
    '</head>',
    '<body>',
    '<noscript>この申請フォームは JavaScript を使います。ブラウザの設定で JavaScript を有効にしてください。</noscript>',
    `<script type="application/json" id="kiban-form-data">${scriptJson(data)}</script>`,
    `<script>${formBundle()}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
  return new Map([['index.html', html]]);
}
