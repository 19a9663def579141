import { ErrorCode } from '../model/errors';
import * as fs from 'fs';
import * as path from 'path';

import { OUTPUT_MARKER } from '../model/synth-stage';

export { OUTPUT_MARKER };
const MARKER_TEXT =
  'This folder was written by `kiban synth` and is replaced by the next run. / kiban synth の出力フォルダです（次回の実行で置き換えられます）。\n';

/** Why an output folder cannot be written; a clear error, never a stack trace. */
export class OutputFolderError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

const STAGING_PREFIX = (outdir: string) => `.kiban-tmp-${path.basename(path.resolve(outdir))}-`;
/** The swap journal next to the output folder: present only while a swap is in progress. */
const journalPath = (outdir: string) =>
  path.join(path.dirname(path.resolve(outdir)), `.kiban-swap-${path.basename(path.resolve(outdir))}.json`);

interface Journal {
  readonly target: string;
  readonly staging: string;
  readonly aside: string;
}

function lstat(p: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/**
 * Throws an {@link OutputFolderError} unless `outdir` is absent, an empty folder, or a folder synth
 * wrote (it holds {@link OUTPUT_MARKER}). Touches nothing.
 */
export function assertReplaceable(outdir: string): void {
  const target = path.resolve(outdir);
  const st = lstat(target);
  if (st === undefined) return;
  const refuse = (why: string, whyJa: string) =>
    new OutputFolderError(
      'KIBAN_OUTPUT_NOT_OURS',
      `error [KIBAN_OUTPUT_NOT_OURS]: refusing to replace ${outdir}: ${why}; nothing was changed. Give --out an absent or empty folder, or one an earlier kiban synth wrote (it contains ${OUTPUT_MARKER})\n` +
        `エラー: 出力先 ${outdir} は置き換えられません（${whyJa}）。何も変更していません。存在しないか空のフォルダ、または kiban synth が以前に出力したフォルダ（${OUTPUT_MARKER} があるもの）を --out に指定してください`,
    );
  if (st.isSymbolicLink()) throw refuse('it is a symbolic link', 'シンボリックリンクです');
  if (!st.isDirectory()) throw refuse('it is not a folder', 'フォルダではありません');
  const rel = path.relative(target, process.cwd());
  // The current folder or one of its parents: renaming it away would pull the ground from under the run.
  if (target === path.parse(target).root || rel === '' || (rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel)))
    throw refuse('it is the current folder or one of its parents', '現在のフォルダまたはその親フォルダです');
  if (fs.readdirSync(target).length === 0) return;
  const marker = lstat(path.join(target, OUTPUT_MARKER));
  if (!marker?.isFile())
    throw refuse(
      `it is not empty and was not written by kiban synth (no ${OUTPUT_MARKER})`,
      `空ではなく、kiban synth の出力でもありません（${OUTPUT_MARKER} がありません）`,
    );
}

/** A fresh temporary folder next to `outdir` (same file system, so the final rename is atomic). */
export function makeStagingDir(outdir: string): string {
  const parent = path.dirname(path.resolve(outdir));
  fs.mkdirSync(parent, { recursive: true });
  return fs.mkdtempSync(path.join(parent, STAGING_PREFIX(outdir)));
}

/** Writes `files` (relative paths) below `dir`, and the output marker. */
export function writeFiles(dir: string, files: ReadonlyMap<string, string>): void {
  // Each folder is created once (thousands of stack files share a few hundred folders).
  const made = new Set<string>();
  for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (rel.startsWith('/') || rel.split('/').includes('..'))
      throw new Error(`refusing to write outside the output folder: ${rel}`);
    const target = path.join(dir, ...rel.split('/'));
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    try {
      fs.writeFileSync(target, content, { flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // A file a stage placed there may be a hard link into the previous output (incremental synth): replace it, never write through it.
      fs.rmSync(target, { force: true });
      fs.writeFileSync(target, content, { flag: 'wx' });
    }
  }
  fs.writeFileSync(path.join(dir, OUTPUT_MARKER), MARKER_TEXT);
}

function writeJournal(file: string, j: Journal): void {
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(j)}\n`);
  const fd = fs.openSync(tmp, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

/** What a commit left behind that could not be removed (the new output is in place regardless). */
export interface CommitResult {
  /** The previous output, moved aside, when removing it failed (e.g. EACCES); undefined when removed. */
  readonly leftOver?: { readonly path: string; readonly reason: string };
}

/** Removes `dir` and everything below it, files by unlink and folders by rmdir after their contents; false on the first failure. */
function removeTree(dir: string): boolean {
  try {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!removeTree(p)) return false;
      } else fs.unlinkSync(p);
    }
    fs.rmdirSync(dir);
    return true;
  } catch {
    return false;
  }
}

function removeAside(aside: string): CommitResult {
  if (lstat(aside) === undefined) return {};
  try {
    // By a plain walk: one readdir per folder, one unlink per file, one rmdir per folder (rmSync's walk
    // makes about three times the system calls for an output of thousands of files). Whatever the walk
    // could not remove, rmSync tries again and says why.
    if (!removeTree(aside)) fs.rmSync(aside, { recursive: true, force: true });
    return {};
  } catch (e) {
    return { leftOver: { path: aside, reason: (e as NodeJS.ErrnoException).code ?? String(e) } };
  }
}

/** Every file below `dir` (relative, `/`-separated, sorted): what a run really wrote, stages' own files included. */
export function listFilesRecursive(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, prefix: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name), `${prefix}${e.name}/`);
      else out.push(`${prefix}${e.name}`);
    }
  };
  walk(dir, '');
  return out.sort();
}

/**
 * Replaces `outdir` by `staging`, recoverably: a journal next to the folder records the swap, the
 * old folder is moved aside, the new one renamed in, the journal removed, then the old copy. A kill
 * at any point is completed or rolled back by {@link recoverOutput} on the next run; a failure
 * before the second rename leaves the previous output in place. If the old copy cannot be removed,
 * the new output is still in place and the result says where the old copy was left.
 */
export function commitStagingDir(staging: string, outdir: string): CommitResult {
  const target = path.resolve(outdir);
  const journal = journalPath(outdir);
  const j: Journal = { target, staging: path.resolve(staging), aside: `${path.resolve(staging)}-old` };
  writeJournal(journal, j);
  const hadOld = lstat(target) !== undefined;
  const rollBack = (e: unknown): never => {
    // Back to the state before the swap: previous output in place, no journal, no staging folder.
    fs.rmSync(journal, { force: true });
    discardStagingDir(j.staging);
    throw e;
  };
  if (hadOld) {
    try {
      fs.renameSync(target, j.aside);
    } catch (e) {
      rollBack(e);
    }
  }
  try {
    fs.renameSync(j.staging, target);
  } catch (e) {
    // If even moving the previous output back fails, the journal stays: the next run completes the swap.
    if (hadOld) fs.renameSync(j.aside, target);
    rollBack(e);
  }
  fs.rmSync(journal, { force: true });
  return hadOld ? removeAside(j.aside) : {};
}

/** Removes a staging folder after a failed run. */
export function discardStagingDir(staging: string): void {
  fs.rmSync(staging, { recursive: true, force: true });
}

/** What {@link recoverOutput} did. */
export interface RecoveryReport {
  /** 'completed' (the new output put in place), 'rolled-back' (the previous output restored) or undefined. */
  readonly swap?: 'completed' | 'rolled-back';
  /** Leftover staging folders removed. */
  readonly removed: readonly string[];
  /** Folders that could not be removed, with the reason. */
  readonly leftOver: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

function readJournal(file: string, outdir: string): Journal | undefined {
  let j: Journal;
  try {
    j = JSON.parse(fs.readFileSync(file, 'utf8')) as Journal;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (!(e instanceof SyntaxError)) throw e;
    j = {} as Journal;
  }
  const target = path.resolve(outdir);
  const prefix = path.join(path.dirname(target), STAGING_PREFIX(outdir));
  const ok =
    j &&
    j.target === target &&
    typeof j.staging === 'string' &&
    j.staging.startsWith(prefix) &&
    !j.staging.slice(prefix.length).includes(path.sep) &&
    j.aside === `${j.staging}-old`;
  if (!ok) {
    throw new OutputFolderError(
      'KIBAN_SWAP_JOURNAL',
      `error [KIBAN_SWAP_JOURNAL]: ${file} is not a journal kiban wrote for ${outdir}; nothing was changed. Check the folders next to ${outdir} and remove the journal\nエラー: ${file} は kiban が ${outdir} のために書いた記録ではありません。何も変更していません。隣のフォルダを確認してから記録を削除してください`,
    );
  }
  return j;
}

/**
 * Completes or rolls back a swap a previous run left unfinished (killed between the renames), then
 * removes leftover staging folders (`.kiban-tmp-<name>-*` next to `outdir`). Run before every synth.
 */
export function recoverOutput(outdir: string): RecoveryReport {
  const target = path.resolve(outdir);
  const parent = path.dirname(target);
  const journal = journalPath(outdir);
  const leftOver: Array<{ path: string; reason: string }> = [];
  let swap: RecoveryReport['swap'];
  const j = readJournal(journal, outdir);
  if (j) {
    const hasTarget = lstat(target) !== undefined;
    const hasStaging = lstat(j.staging) !== undefined;
    const hasAside = lstat(j.aside) !== undefined;
    if (!hasTarget && hasStaging) {
      // Killed between the two renames: the staging folder is complete (the journal is written after it).
      fs.renameSync(j.staging, target);
      swap = 'completed';
    } else if (!hasTarget && hasAside) {
      fs.renameSync(j.aside, target);
      swap = 'rolled-back';
    } else if (hasTarget && hasStaging) {
      swap = 'rolled-back';
    } else if (hasTarget) swap = 'completed';
    fs.rmSync(journal, { force: true });
  }
  const removed: string[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(parent);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw e;
  }
  if (names.includes(path.basename(`${journal}.tmp`))) fs.rmSync(`${journal}.tmp`, { force: true });
  for (const name of names.filter((n) => n.startsWith(STAGING_PREFIX(outdir))).sort()) {
    const p = path.join(parent, name);
    if (!lstat(p)?.isDirectory()) continue;
    try {
      fs.rmSync(p, { recursive: true, force: true });
      removed.push(p);
    } catch (e) {
      leftOver.push({ path: p, reason: (e as NodeJS.ErrnoException).code ?? String(e) });
    }
  }
  return { ...(swap ? { swap } : {}), removed, leftOver };
}

/**
 * Writes a single report file (e.g. `kiban diff --output F`) atomically, and only where nothing the
 * product did not write is overwritten: `file` must be absent, or a regular file whose text starts
 * with `header` (an earlier report). Anything else is refused with an error and left untouched.
 */
export function writeReportFile(file: string, text: string, header: string): void {
  const target = path.resolve(file);
  const st = lstat(target);
  if (st !== undefined) {
    let ours = false;
    if (st.isFile()) {
      const fd = fs.openSync(target, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
      try {
        const buf = Buffer.alloc(Buffer.byteLength(header));
        ours = fs.readSync(fd, buf, 0, buf.length, 0) === buf.length && buf.toString('utf8') === header;
      } finally {
        fs.closeSync(fd);
      }
    }
    if (!ours) {
      throw new OutputFolderError(
        'KIBAN_OUTPUT_NOT_OURS',
        `error [KIBAN_OUTPUT_NOT_OURS]: refusing to overwrite ${file}: it exists and is not a report kiban wrote; nothing was changed. Give a new file name\nエラー: ${file} は既に存在し、kiban が出力したものではないため上書きしません。何も変更していません。新しいファイル名を指定してください`,
      );
    }
  }
  const tmp = `${target}.kiban-tmp-${process.pid}`;
  try {
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * `--base DIR`: an earlier output folder to reuse unchanged stacks from (read only). It must be a
 * folder kiban synth wrote (it contains the output marker); anything else is refused before any work.
 */
export function assertBaseOutput(dir: string): void {
  const st = lstat(path.resolve(dir));
  if (st?.isDirectory() && lstat(path.join(path.resolve(dir), OUTPUT_MARKER))?.isFile()) return;
  throw new OutputFolderError(
    'KIBAN_BASE_NOT_OUTPUT',
    `error [KIBAN_BASE_NOT_OUTPUT]: --base ${dir} is not an output folder of kiban synth (no ${OUTPUT_MARKER}); nothing was changed. Give the output folder of an earlier run, or leave --base out\n` +
      `エラー: --base ${dir} は kiban synth の出力フォルダではありません（${OUTPUT_MARKER} がありません）。何も変更していません。以前の出力フォルダを指定するか、--base を外してください`,
  );
}
