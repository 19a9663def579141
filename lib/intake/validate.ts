import * as fs from 'fs';
import * as path from 'path';
import { Estate } from '../model/estate';
import { IndividualBusinessSystem } from '../model/system';
import { buildInto, scratchEstate } from './build';
import { IntakeError, IntakeIssue } from './issues';
import { DeclarationKind, ParsedDeclarationFile, parseDeclarationFile } from './parse';

/** The platform folder of dedicated-VLAN declarations, next to the department folders. */
export const PLATFORM_FOLDER = '_platform';
const YAML_FILE = /\.ya?ml$/i;

export interface FileReport {
  readonly file: string;
  readonly kind: DeclarationKind | undefined;
  /** True when the file was not asked for but loaded as context (systems/_platform/*.yaml). */
  readonly context: boolean;
  readonly systemId: string | undefined;
  readonly errors: IntakeIssue[];
  readonly warnings: IntakeIssue[];
}

export interface ValidationReport {
  /** True when no file has an error (warnings allowed). */
  readonly ok: boolean;
  readonly files: FileReport[];
  readonly errors: IntakeIssue[];
  readonly warnings: IntakeIssue[];
}

export interface ValidateOptions {
  /**
   * Estate to check against (its platform, its dedicated VLANs and system ids, e.g. the TypeScript
   * estate); never modified. @default an empty estate on the default platform
   */
  readonly estate?: Estate;
  /**
   * Dedicated-VLAN files loaded as context. @default 'auto': the `_platform` folder next to each
   * file's department folder (systems/_platform/*.yaml)
   */
  readonly platformFiles?: 'auto' | readonly string[];
}

/**
 * The entries named `*.yaml` in `dir`, whatever they are: a symbolic link, folder or FIFO with that
 * name is listed too, so the loader reports it instead of silently skipping a system.
 */
function listYaml(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => YAML_FILE.test(d.name) && !d.name.startsWith('.'))
      .map((d) => path.join(dir, d.name))
      .sort();
  } catch {
    return [];
  }
}

function contextFiles(paths: readonly string[], option: ValidateOptions['platformFiles']): string[] {
  if (option !== undefined && option !== 'auto') return [...option];
  const out = new Set<string>();
  for (const p of paths) {
    const dept = path.dirname(p);
    if (path.basename(dept) === PLATFORM_FOLDER) continue;
    for (const f of listYaml(path.join(path.dirname(dept), PLATFORM_FOLDER))) out.add(f);
  }
  return [...out];
}

const byPosition = (a: IntakeIssue, b: IntakeIssue) => a.line - b.line || a.column - b.column;

function report(files: readonly ParsedDeclarationFile[], buildIssues: readonly IntakeIssue[], context: ReadonlySet<string>, systemIds: ReadonlyMap<string, string>): ValidationReport {
  const all = [...files.flatMap((f) => f.issues), ...buildIssues];
  const reports = files.map((f): FileReport => {
    const mine = all.filter((i) => i.file === f.file).sort(byPosition);
    return { file: f.file, kind: f.kind, context: context.has(f.file), systemId: systemIds.get(f.file), errors: mine.filter((i) => i.severity === 'error'), warnings: mine.filter((i) => i.severity === 'warning') };
  });
  const errors = reports.flatMap((r) => r.errors);
  return { ok: errors.length === 0, files: reports, errors, warnings: reports.flatMap((r) => r.warnings) };
}

function parseAll(paths: readonly string[], root?: string): ParsedDeclarationFile[] {
  const seen = new Set<string>();
  const out: ParsedDeclarationFile[] = [];
  for (const p of paths) {
    const key = path.resolve(p);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(parseDeclarationFile(p, root !== undefined ? { root } : {}));
  }
  return out;
}

/**
 * Checks declaration files without synthesizing anything (no cdktf): syntax, schema, the model's
 * reference checks (department, template, network, ...) and the folder layout. All errors of all
 * files at once, each at file:line:column of the offending key. Never throws for bad input.
 */
export function validateFiles(paths: readonly string[], options: ValidateOptions = {}): ValidationReport {
  const ctx = contextFiles(paths, options.platformFiles).filter((c) => !paths.some((p) => path.resolve(p) === path.resolve(c)));
  return check(parseAll([...ctx, ...paths]), new Set(ctx), options);
}

/**
 * Like {@link validateFiles} for texts held in memory (an editor buffer, stdin, tests). Context
 * files are read only when `options.platformFiles` lists them.
 */
export function validateSources(sources: ReadonlyArray<{ readonly path: string; readonly text: string | Uint8Array }>, options: ValidateOptions = {}): ValidationReport {
  const ctx = options.platformFiles === undefined || options.platformFiles === 'auto' ? [] : [...options.platformFiles];
  return check([...parseAll(ctx), ...sources.map((s) => parseDeclarationFile(s))], new Set(ctx), options);
}

function check(files: ParsedDeclarationFile[], ctx: ReadonlySet<string>, options: ValidateOptions): ValidationReport {
  const usable = files.filter((f) => f.kind !== undefined && !f.issues.some((i) => i.severity === 'error'));
  const built = buildInto(scratchEstate(options.estate), usable);
  return report(files, built.issues, ctx, built.systemIds);
}

/**
 * The declaration files under `dir`: `*.yaml` in it and in its sub-folders (one level), sorted. A
 * sub-folder reached through a symbolic link, and a folder that cannot be read, are listed as
 * themselves so the loader reports them (a system never disappears silently).
 */
export function declarationFiles(dir: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    return [dir];
  }
  const linked = entries.filter((d) => d.isSymbolicLink() && !d.name.startsWith('.') && !YAML_FILE.test(d.name) && isDir(path.join(dir, d.name))).map((d) => path.join(dir, d.name));
  const sub = entries.filter((d) => d.isDirectory() && !d.name.startsWith('.') && !YAML_FILE.test(d.name)).map((d) => d.name).sort();
  const unreadable = sub.map((s) => path.join(dir, s)).filter((d) => !readable(d));
  return [...listYaml(dir), ...linked, ...unreadable, ...sub.flatMap((s) => listYaml(path.join(dir, s)))];
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function readable(dir: string): boolean {
  try {
    fs.readdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

export interface LoadOptions {
  /** Receives warnings (e.g. a missing schema modeline). @default ignored */
  readonly onWarning?: (w: IntakeIssue) => void;
}

/**
 * Loads every declaration under `dir` (systems/_platform/*.yaml for dedicated VLANs, then
 * systems/<department>/<system>.yaml) into `estate`, as the same constructs the TypeScript
 * declarations use. Everything is checked first in a scratch estate: on any problem it throws one
 * {@link IntakeError} listing every problem with file:line:column and adds nothing to `estate`.
 * A missing folder declares nothing.
 */
export function loadDeclarations(dir: string, estate: Estate, options: LoadOptions = {}): IndividualBusinessSystem[] {
  const files = parseAll(declarationFiles(dir), dir);
  const readErrors = files.flatMap((f) => f.issues.filter((i) => i.severity === 'error'));
  const usable = files.filter((f) => f.kind !== undefined && !f.issues.some((i) => i.severity === 'error'));
  const dry = buildInto(scratchEstate(estate), usable);
  const errors = [...readErrors, ...dry.issues.filter((i) => i.severity === 'error')];
  if (errors.length > 0) throw new IntakeError(errors);
  for (const w of [...files.flatMap((f) => f.issues), ...dry.issues]) if (w.severity === 'warning') options.onWarning?.(w);
  const real = buildInto(estate, usable);
  const realErrors = real.issues.filter((i) => i.severity === 'error');
  if (realErrors.length > 0) throw new IntakeError(realErrors);
  return real.systems;
}
