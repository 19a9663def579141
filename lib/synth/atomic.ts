import * as fs from 'fs';
import * as path from 'path';

/** A fresh temporary folder next to `outdir` (same file system, so the final rename is atomic). */
export function makeStagingDir(outdir: string): string {
  const parent = path.dirname(path.resolve(outdir));
  fs.mkdirSync(parent, { recursive: true });
  return fs.mkdtempSync(path.join(parent, `.kiban-tmp-${path.basename(outdir)}-`));
}

/** Writes `files` (relative paths) below `dir`. */
export function writeFiles(dir: string, files: ReadonlyMap<string, string>): void {
  for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (rel.startsWith('/') || rel.split('/').includes('..')) throw new Error(`refusing to write outside the output folder: ${rel}`);
    const target = path.join(dir, ...rel.split('/'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, content);
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
 * Replaces `outdir` by `staging` in one step as far as the file system allows: the old folder is
 * moved aside, the new one renamed in, the old one removed. A failure before this point leaves the
 * previous output untouched.
 */
export function commitStagingDir(staging: string, outdir: string): void {
  const target = path.resolve(outdir);
  const aside = `${staging}-old`;
  const hadOld = fs.existsSync(target);
  if (hadOld) fs.renameSync(target, aside);
  try {
    fs.renameSync(staging, target);
  } catch (e) {
    if (hadOld) fs.renameSync(aside, target);
    throw e;
  }
  if (hadOld) fs.rmSync(aside, { recursive: true, force: true });
}

/** Removes a staging folder after a failed run. */
export function discardStagingDir(staging: string): void {
  fs.rmSync(staging, { recursive: true, force: true });
}
