import type { DeclarationCache } from './declaration-cache';
import * as path from 'path';
import { Clock } from '../model/clock';
import { Finding } from '../model/finding';
import { runRulePack } from '../rules/engine';
import { ClockSource, EstateCheck, checkEstate } from './estate';
import { IntakeIssue, relocate } from './issues';
import { DeclarationKind, ParsedDeclarationFile, parseDeclarationFile } from './parse';

export { declarationFiles } from './files';

export interface FileReport {
  readonly file: string;
  readonly kind: DeclarationKind | undefined;
  /** True when the file was not asked for but loaded as part of the estate. */
  readonly context: boolean;
  readonly systemId: string | undefined;
  readonly errors: IntakeIssue[];
  readonly warnings: IntakeIssue[];
}

export interface ValidationReport {
  /** True when the estate would synthesize: no error anywhere in it (warnings allowed). */
  readonly ok: boolean;
  /** The files asked for, then the other files of the estate that have errors. */
  readonly files: FileReport[];
  /** Errors of the files reported, and every other error of the estate (they fail synth too). */
  readonly errors: IntakeIssue[];
  /** Warnings of the files asked for. */
  readonly warnings: IntakeIssue[];
  /** Rule-pack findings not listed: infos, and warnings of files not asked for. */
  readonly unlisted: number;
  /** Where the date rules' time came from. */
  readonly clock: ClockSource;
}

export interface ValidateOptions {
  /** The estate folder the files belong to (the whole estate is loaded: duplicates and capacity span files). */
  readonly estate: string;
  /** ISO instant for the date rules (`--now`). @default the estate's pinned time, else the real clock */
  readonly now?: string;
  /** Injected clock (tests). */
  readonly clock?: Clock;
  /** Texts parsed by an earlier run (lib/intake/declaration-cache.ts). @default none */
  readonly cache?: DeclarationCache;
}

/** A rule-pack finding as an issue at the place its construct was declared. */
function findingIssue(checked: EstateCheck, f: Finding): IntakeIssue {
  const at = checked.locate(f.path, f.field) ?? { file: checked.dir, pos: { line: 1, column: 1 }, field: '(root)' };
  return relocate(
    {
      location: f.path,
      code: f.rule,
      ruleId: f.ruleId,
      field: at.field,
      received: f.value,
      message: f.message,
      messageJa: f.messageJa,
      fix: f.fix,
      fixJa: f.fixJa,
    },
    at.file,
    at.pos,
    at.field,
    f.level === 'error' ? 'error' : 'warning',
  );
}

const byPosition = (a: IntakeIssue, b: IntakeIssue) => a.line - b.line || a.column - b.column;

/**
 * Checks declaration files the way synth does, without cdktf: loads the whole estate (the given
 * files in place of, or in addition to, the estate's own), reports syntax, schema, model and layout
 * problems, then runs the whole rule pack (lib/rules) and reports its findings at the
 * file:line:column of the declaring entry. Errors anywhere in the estate make it fail, as they
 * fail synth. Never throws for bad input.
 */
export function validateParsed(parsed: readonly ParsedDeclarationFile[], options: ValidateOptions): ValidationReport {
  const checked = checkEstate(options.estate, {
    files: parsed,
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.cache ? { cache: options.cache } : {}),
  });
  const all = [...checked.issues];
  let unlisted = 0;
  const asked = new Set((parsed.length > 0 ? parsed : checked.files).map((f) => path.resolve(f.file)));
  if (checked.estate) {
    const report = runRulePack(checked.estate);
    for (const f of report.findings) {
      if (f.acknowledged) continue;
      const i = findingIssue(checked, f);
      if (i.severity === 'error' || (f.level === 'warning' && asked.has(path.resolve(i.file)))) all.push(i);
      else unlisted += 1;
    }
  }
  const systemIds = new Map<string, string>();
  for (const f of checked.files) {
    const id = (f.data as { systemId?: unknown } | undefined)?.systemId;
    if (f.kind === 'system' && typeof id === 'string') systemIds.set(path.resolve(f.file), id);
  }
  const files = new Map<string, { file: string; kind: DeclarationKind | undefined; context: boolean }>();
  for (const f of parsed.length > 0 ? parsed : checked.files)
    files.set(path.resolve(f.file), { file: f.file, kind: f.kind, context: false });
  for (const i of all) {
    const k = path.resolve(i.file);
    if (!files.has(k) && i.severity === 'error')
      files.set(k, { file: i.file, kind: checked.files.find((f) => path.resolve(f.file) === k)?.kind, context: true });
  }
  const reports = [...files.entries()].map(([k, f]): FileReport => {
    const mine = all.filter((i) => path.resolve(i.file) === k).sort(byPosition);
    return {
      ...f,
      systemId: systemIds.get(k),
      errors: mine.filter((i) => i.severity === 'error'),
      warnings: f.context ? [] : mine.filter((i) => i.severity === 'warning'),
    };
  });
  const errors = reports.flatMap((r) => r.errors);
  return {
    ok: errors.length === 0,
    files: reports,
    errors,
    warnings: reports.flatMap((r) => r.warnings),
    unlisted,
    clock: checked.clock,
  };
}

/** {@link validateParsed} of files on disk (none: the whole estate). */
export function validateFiles(paths: readonly string[], options: ValidateOptions): ValidationReport {
  const seen = new Set<string>();
  const parsed: ParsedDeclarationFile[] = [];
  for (const p of paths) {
    if (seen.has(path.resolve(p))) continue;
    seen.add(path.resolve(p));
    parsed.push(parseDeclarationFile(p, options.cache ? { cache: options.cache } : {}));
  }
  return validateParsed(parsed, options);
}

/** {@link validateParsed} of texts held in memory (an editor buffer, stdin, tests), checked against the estate. */
export function validateSources(
  sources: ReadonlyArray<{ readonly path: string; readonly text: string | Uint8Array }>,
  options: ValidateOptions,
): ValidationReport {
  return validateParsed(
    sources.map((s) => parseDeclarationFile(s)),
    options,
  );
}
