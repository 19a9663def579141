/**
 * An estate folder: what a prefecture's repository holds (docs/estate.md).
 *
 *   <estate>/platform/*.yaml                         the platform's data: platform, clusters and
 *                                                    datastores, networks, dedicated VLANs, departments,
 *                                                    templates, versions, shared licence pools, clock pin
 *   <estate>/systems/<department>/<systemId>.yaml    one individual business system per file
 *   <estate>/index.ts                                optional TypeScript (see {@link EstateScript})
 *
 * Loading never imports cdktf (`kiban validate` loads the whole estate and must start fast).
 */
import * as fs from 'fs';
import * as path from 'path';
import { Construct } from 'constructs';
import { z } from 'zod';
import * as model from '../model';
import { Clock, fixedClock, systemClock } from '../model/clock';
import { DeclarationError, ErrorCode } from '../model/errors';
import { DEDICATED_VLANS_FIELD } from '../model/dedicated-vlan';
import { Estate } from '../model/estate';
import { field } from '../model/fields';
import { parsePlatform } from '../model/platform';
import { buildInto, fieldPath, Origin, schemaIssues } from './build';
import { declarationFiles } from './files';
import { FilePos, IntakeError, IntakeIssue, intakeIssue, relocate } from './issues';
import { ParsedDeclarationFile, PLATFORM_FOLDER, parseDeclarationFile } from './parse';
import type { DeclarationCache } from './declaration-cache';
import { REQUIRED_PLATFORM_KEYS, platformFileSchema } from './schema';

export { PLATFORM_FOLDER };
/** The folder of the departments' system declarations. */
export const SYSTEMS_FOLDER = 'systems';
/** The optional TypeScript of an estate. */
export const ESTATE_SCRIPT = 'index.ts';

/**
 * The optional TypeScript of an estate (`<estate>/index.ts`): `export function declareEstate`,
 * called after the YAML declarations with the estate and the model's constructs. Import types only
 * (`import type` of EstateScript from lib/intake): the constructs come as `kiban`, so the
 * folder works wherever it is copied.
 */
export type EstateScript = (estate: Estate, kiban: typeof model) => void;

/** The files of an estate folder, in load order. */
export interface EstateFiles {
  readonly dir: string;
  /** `<estate>/platform/*.yaml`, sorted. */
  readonly platform: string[];
  /** `<estate>/systems/<department>/*.yaml`, sorted by department folder then file. */
  readonly systems: string[];
  /** `<estate>/index.ts`, when present. */
  readonly script: string | undefined;
}

/** Lists an estate folder's declaration files. */
export function estateFiles(dir: string): EstateFiles {
  const systemsDir = path.join(dir, SYSTEMS_FOLDER);
  const script = path.join(dir, ESTATE_SCRIPT);
  return {
    dir,
    platform: declarationFiles(path.join(dir, PLATFORM_FOLDER), 0),
    systems: declarationFiles(systemsDir, 1),
    script: fs.existsSync(script) ? script : undefined,
  };
}

export interface EstateLoadOptions {
  /** Clock of the date rules (tests inject one). @default `now`, else the estate's `clock.fixedAt`, else the real clock */
  readonly clock?: Clock;
  /** ISO instant the date rules use (`--now`); overrides the estate's pinned time. */
  readonly now?: string;
  /** Scope of the Estate construct. @default a fresh root construct */
  readonly scope?: Construct;
  /**
   * Declaration files checked in place of the estate's files of the same path, or in addition to
   * them (`kiban validate` of a file not yet in the estate, an editor buffer).
   */
  readonly files?: readonly ParsedDeclarationFile[];
  /** Run the estate's optional TypeScript. @default true */
  readonly typescript?: boolean;
  /** Texts parsed by an earlier run (lib/intake/declaration-cache.ts). @default none */
  readonly cache?: DeclarationCache;
}

/** Where the date rules' time comes from. */
export type ClockSource =
  | { readonly kind: 'injected' }
  | { readonly kind: 'now-option'; readonly now: string }
  | { readonly kind: 'estate'; readonly fixedAt: string; readonly reasonJa: string; readonly file: string }
  | { readonly kind: 'system' };

/** A located place in the estate. */
export interface EstateLocation {
  readonly file: string;
  readonly pos: FilePos;
  /** Dotted field path of the entry in the file, `(root)` for the whole file. */
  readonly field: string;
}

/** An estate folder checked: every problem at file:line:column; the estate built from what is usable. */
export interface EstateCheck {
  readonly dir: string;
  /** The estate, when the platform data is usable (systems with errors are left out). */
  readonly estate: Estate | undefined;
  /** Every file read, in load order. */
  readonly files: readonly ParsedDeclarationFile[];
  /** Read, schema, model and layout problems of every file. */
  readonly issues: readonly IntakeIssue[];
  readonly clock: ClockSource;
  /**
   * Where the construct at `constructPath` (or its nearest declared parent) was declared; with
   * `field` (dotted, relative to that entry, as a rule-pack finding names it), where that field is.
   */
  locate(constructPath: string, field?: string): EstateLocation | undefined;
}

/**
 * The platform file schema as checked before building: dedicated VLANs and licence pools are
 * checked by their constructs (each entry at its own position), so one bad VLAN leaves the rest of
 * the estate checkable.
 */
const platformFileCheckSchema = platformFileSchema.extend({
  dedicatedVlans: field(z.array(z.unknown()).min(1), DEDICATED_VLANS_FIELD).optional(),
  sharedLicenses: z
    .strictObject({ oracleSe2: z.unknown(), rhel: z.unknown(), windowsDatacenter: z.unknown() })
    .partial()
    .optional(),
});

const START: FilePos = { line: 1, column: 1 };
const key = (p: string) => path.resolve(p);

function platformIssue(
  file: string,
  pos: FilePos,
  code: ErrorCode,
  field: string,
  message: string,
  messageJa: string,
  fix: string,
  fixJa: string,
  value?: unknown,
): IntakeIssue {
  return intakeIssue({ file, pos, code, ruleId: 'SCHEMA', field, value, message, messageJa, fix, fixJa });
}

/** Merges the platform files (each top-level key in one file) and checks them; the platform when usable. */
function checkPlatform(
  dir: string,
  files: readonly ParsedDeclarationFile[],
  issues: IntakeIssue[],
): { platform?: model.Platform; clock?: { fixedAt: string; reasonJa: string; file: string } } {
  const merged: Record<string, unknown> = {};
  const owner = new Map<string, ParsedDeclarationFile>();
  let ok = true;
  for (const f of files) {
    if (f.kind === undefined || f.issues.some((i) => i.severity === 'error')) {
      ok = false;
      continue;
    }
    const bad = schemaIssues(f, platformFileCheckSchema);
    if (bad.length > 0) {
      issues.push(...bad);
      ok = false;
      continue;
    }
    for (const [k, v] of Object.entries(f.data as Record<string, unknown>)) {
      const first = owner.get(k);
      if (first) {
        issues.push(
          platformIssue(
            f.file,
            f.positionOf([k]),
            'KIBAN_PLATFORM_KEY_TWICE',
            k,
            `"${k}" is already declared in ${first.file}; each platform key lives in one file`,
            `「${k}」は ${first.file} で既に宣言されています（各項目は1つのファイルにだけ書きます）`,
            `keep "${k}" in one of the two files`,
            `どちらか一方のファイルにまとめてください`,
            k,
          ),
        );
        ok = false;
        continue;
      }
      owner.set(k, f);
      merged[k] = v;
    }
  }
  const where = files[0]?.file ?? path.join(dir, PLATFORM_FOLDER);
  if (files.length === 0) {
    issues.push(
      platformIssue(
        where,
        START,
        'KIBAN_PLATFORM_MISSING',
        '(file)',
        `the estate ${dir} has no platform data (${path.join(dir, PLATFORM_FOLDER)}/*.yaml)`,
        `エステート ${dir} に統合基盤の構成データ（${PLATFORM_FOLDER}/*.yaml）がありません`,
        `add ${PLATFORM_FOLDER}/platform.yaml (start from a copy of examples/estate/platform/, see docs/estate.md), or give --estate`,
        `${PLATFORM_FOLDER}/platform.yaml を追加するか（examples/estate/platform/ を写して始められます。docs/estate.md 参照）、--estate でフォルダを指定してください`,
      ),
    );
    return {};
  }
  if (!ok) return {};
  const missing = REQUIRED_PLATFORM_KEYS.filter((k) => !owner.has(k));
  if (missing.length > 0) {
    issues.push(
      platformIssue(
        where,
        START,
        'KIBAN_PLATFORM_INCOMPLETE',
        missing.join(', '),
        `the platform data lacks: ${missing.join(', ')}`,
        `統合基盤の構成データに次の項目がありません: ${missing.join(', ')}`,
        `add them to a file of ${PLATFORM_FOLDER}/ (see schemas/platform.schema.json)`,
        `${PLATFORM_FOLDER}/ のいずれかのファイルに追加してください（schemas/platform.schema.json 参照）`,
        missing,
      ),
    );
    return {};
  }
  const {
    dedicatedVlans: _v,
    sharedLicenses: _l,
    clock,
    ...platformData
  } = merged as Record<string, unknown> & { clock?: { fixedAt: string; reasonJa: string } };
  try {
    const platform = parsePlatform(platformData);
    return { platform, ...(clock ? { clock: { ...clock, file: owner.get('clock')!.file } } : {}) };
  } catch (e) {
    if (!(e instanceof DeclarationError)) throw e;
    for (const di of e.issues) {
      const p = fieldPath(di.field);
      const f = owner.get(String(p[0])) ?? files[0]!;
      issues.push(relocate(di, f.file, f.positionOf(p), di.field));
    }
    return {};
  }
}

function chooseClock(
  options: EstateLoadOptions,
  pinned: { fixedAt: string; reasonJa: string; file: string } | undefined,
): { clock: Clock; source: ClockSource } {
  if (options.clock) return { clock: options.clock, source: { kind: 'injected' } };
  if (options.now !== undefined)
    return { clock: fixedClock(options.now), source: { kind: 'now-option', now: options.now } };
  if (pinned) return { clock: fixedClock(pinned.fixedAt), source: { kind: 'estate', ...pinned } };
  return { clock: systemClock, source: { kind: 'system' } };
}

/** Runs the estate's optional TypeScript; its problems are issues at the script. */
function runScript(script: string, estate: Estate, issues: IntakeIssue[], origins: Map<string, Origin>): void {
  const before = new Set(estate.node.children.map((c) => c.node.path));
  const fail = (code: ErrorCode, message: string, messageJa: string, value?: unknown) =>
    issues.push(
      intakeIssue({
        file: script,
        pos: START,
        code,
        ruleId: 'SCHEMA',
        field: '(file)',
        value,
        message,
        messageJa,
        fix: "correct the estate's TypeScript",
        fixJa: 'エステートの TypeScript を修正してください',
      }),
    );
  try {
    const file = require.resolve(path.resolve(script));
    delete require.cache[file]; // read the script as it is now (a long-running process may load an estate twice)
    // The estate's own TypeScript is loaded at run time from a path only known then.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(file) as { declareEstate?: unknown; default?: unknown };
    const fn =
      typeof mod.declareEstate === 'function'
        ? mod.declareEstate
        : typeof mod.default === 'function'
          ? mod.default
          : undefined;
    if (!fn)
      fail(
        'KIBAN_ESTATE_SCRIPT',
        `${ESTATE_SCRIPT} must export a function declareEstate(estate, kiban)`,
        `${ESTATE_SCRIPT} は関数 declareEstate(estate, kiban) を export してください`,
      );
    else (fn as EstateScript)(estate, model);
  } catch (e) {
    if (e instanceof DeclarationError) for (const di of e.issues) issues.push(relocate(di, script, START, di.field));
    else
      fail(
        'KIBAN_ESTATE_SCRIPT',
        `the estate's TypeScript failed: ${(e as Error)?.message?.split('\n')[0] ?? String(e)}`,
        `エステートの TypeScript が失敗しました: ${(e as Error)?.message?.split('\n')[0] ?? String(e)}`,
      );
  }
  for (const c of estate.node.children)
    if (!before.has(c.node.path)) origins.set(c.node.path, { file: script, at: [] });
}

/**
 * Checks an estate folder without synthesizing anything: reads and checks the platform files, builds
 * the licence pools, dedicated VLANs and systems, runs the optional TypeScript. Never throws for bad
 * input: every problem is an issue at file:line:column.
 */
export function checkEstate(dir: string, options: EstateLoadOptions = {}): EstateCheck {
  const listed = estateFiles(dir);
  const given = new Map((options.files ?? []).map((f) => [key(f.file), f]));
  const platformDir = path.join(dir, PLATFORM_FOLDER);
  const systemsDir = path.join(dir, SYSTEMS_FOLDER);
  // The estate's own files must be regular files inside their folder (lib/intake/declaration-file.ts).
  const read = (p: string, root: string) =>
    given.get(key(p)) ?? parseDeclarationFile(p, { root, ...(options.cache ? { cache: options.cache } : {}) });
  const inEstate = new Set([...listed.platform, ...listed.systems].map(key));
  const extra = (options.files ?? []).filter((f) => !inEstate.has(key(f.file)));
  const files = [
    ...listed.platform.map((p) => read(p, platformDir)),
    ...extra.filter((f) => f.kind === 'platform'),
    ...listed.systems.map((p) => read(p, systemsDir)),
    ...extra.filter((f) => f.kind !== 'platform'),
  ];
  const issues: IntakeIssue[] = files.flatMap((f) => f.issues);
  const platformFiles = files.filter(
    (f) => f.kind === 'platform' || (f.kind === undefined && listed.platform.some((p) => key(p) === key(f.file))),
  );
  const { platform, clock: pinned } = checkPlatform(dir, platformFiles, issues);
  const origins = new Map<string, Origin>();
  let estate: Estate | undefined;
  let source: ClockSource = { kind: 'system' };
  if (platform) {
    const chosen = chooseClock(options, pinned);
    source = chosen.source;
    estate = new Estate(options.scope ?? new Construct(undefined as unknown as Construct, ''), 'Estate', {
      platform,
      clock: chosen.clock,
    });
    const usable = files.filter((f) => f.kind !== undefined && !f.issues.some((i) => i.severity === 'error'));
    const built = buildInto(estate, usable);
    issues.push(...built.issues);
    for (const [p, o] of built.origins) origins.set(p, o);
    if (listed.script && options.typescript !== false) runScript(listed.script, estate, issues, origins);
  }
  const byFile = new Map(files.map((f) => [f.file, f]));
  // Estate-wide findings (capacity, licence pools without a pool) are located at the platform's main file.
  const main =
    platformFiles.find((f) => f.data !== null && typeof f.data === 'object' && 'nameJa' in (f.data as object)) ??
    platformFiles[0];
  const rootFile = main?.file ?? path.join(dir, PLATFORM_FOLDER);
  return {
    dir,
    estate,
    files,
    issues,
    clock: source,
    locate(constructPath, field) {
      for (let p = constructPath; p.length > 0; p = p.slice(0, Math.max(0, p.lastIndexOf('/')))) {
        const o = origins.get(p);
        if (!o) {
          if (!p.includes('/')) break;
          continue;
        }
        const f = byFile.get(o.file);
        const at = field === undefined ? o.at : [...o.at, ...fieldPath(field)];
        return {
          file: o.file,
          pos: f ? f.positionOf(at) : START,
          field: at.length === 0 ? '(root)' : at.join('.'),
        };
      }
      // Estate-wide findings (capacity, ...) belong to the platform data.
      return { file: rootFile, pos: START, field: '(root)' };
    },
  };
}

/**
 * Loads an estate folder into an {@link Estate} for synthesis: throws one {@link IntakeError}
 * listing every problem of every file (file:line:column) when anything is wrong.
 */
export function loadEstate(dir: string, options: EstateLoadOptions = {}): Estate {
  const checked = checkEstate(dir, options);
  const errors = checked.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !checked.estate) throw new IntakeError(errors);
  CLOCK_SOURCES.set(checked.estate, checked.clock);
  CHECKS.set(checked.estate, checked);
  return checked.estate;
}

/** The platform data of an estate folder alone (benchmarks, tests); throws an IntakeError on problems. */
export function loadPlatform(dir: string): model.Platform {
  const issues: IntakeIssue[] = [];
  const files = estateFiles(dir).platform.map((p) =>
    parseDeclarationFile(p, { root: path.join(dir, PLATFORM_FOLDER) }),
  );
  issues.push(...files.flatMap((f) => f.issues.filter((i) => i.severity === 'error')));
  const { platform } = checkPlatform(dir, files, issues);
  if (!platform || issues.length > 0) throw new IntakeError(issues);
  return platform;
}

const CLOCK_SOURCES = new WeakMap<Estate, ClockSource>();
const CHECKS = new WeakMap<Estate, EstateCheck>();

/**
 * The check an estate loaded by {@link loadEstate} was built from (its files as read and parsed), so a
 * later stage of the same run (the form page) reads no file twice.
 */
export function estateCheckOf(estate: Estate): EstateCheck | undefined {
  return CHECKS.get(estate);
}

/** Where the date rules' time of an estate loaded by {@link loadEstate} comes from. */
export function clockSourceOf(estate: Estate): ClockSource | undefined {
  return CLOCK_SOURCES.get(estate);
}
