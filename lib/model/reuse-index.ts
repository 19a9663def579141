import * as fs from 'fs';
import * as path from 'path';
import { OUTPUT_MARKER } from './synth-stage';
import type { EarlierOutput } from './earlier-output';
import { openLinker, type Linker, type LinkPair } from './linker';
import type { SynthContext } from './synth-stage';
import { sha256 } from './tool';

// The index a stage keeps in its output so that the next run can take unchanged parts of that output
// as they are (issue 14): per unit (a system's script set, a system's review document), the key of what
// it was made from and a hash of its files. The vSphere stage keeps its own (lib/vsphere/stack-inputs.ts,
// which also carries cdktf's manifest entries).

/** Bumped when an index's shape changes. */
export const REUSE_INDEX_FORMAT = 1;

/** One unit's record: the key of its inputs and the hash of its files. */
export interface ReuseRecord {
  readonly inputs: string;
  readonly output: string;
}

/** Hash of a unit's files from each file's SHA-256 (names and hashes, sorted by name). */
export function hashFileShas(files: ReadonlyArray<readonly [string, string]>): string {
  let material = '';
  for (const [name, sha] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    material += `${name}\0${sha}\0`;
  return sha256(material);
}

/**
 * Hash of a unit's files (names and contents): {@link hashFileShas} of each file's SHA-256. Each file's
 * hash is also noted in `shas` (the context's unitShas), for the record of the output's files.
 */
export function hashUnitFiles(
  files: ReadonlyArray<readonly [string, string | Uint8Array]>,
  shas?: Map<string, string>,
): string {
  return hashFileShas(
    files.map(([name, content]) => {
      const sha = sha256(content);
      shas?.set(name, sha);
      return [name, sha] as const;
    }),
  );
}

/**
 * The hash of an earlier output's unit (output-relative `names`) through `ctx.earlier` (which trusts the
 * recorded hash of a file unchanged since it was written), or undefined when a file cannot be read.
 */
export function hashEarlierUnit(
  ctx: Pick<SynthContext, 'earlier'>,
  names: readonly string[],
): { readonly output: string; readonly shas: ReadonlyArray<readonly [string, string]> } | undefined {
  const earlier = ctx.earlier;
  if (earlier === undefined) return undefined;
  const shas: Array<readonly [string, string]> = [];
  for (const n of names) {
    const sha = earlier.sha(n);
    if (sha === undefined) return undefined;
    shas.push([n, sha]);
  }
  return { output: hashFileShas(shas), shas };
}

/**
 * The files (with their hashes) of an earlier output's unit that can be taken as they are: its recorded
 * inputs equal `inputs` and its files (`names`, undefined when they cannot be listed) are still the bytes
 * that run wrote. Undefined otherwise: a unit altered since it was written is rendered again, never copied.
 */
export function unchangedEarlierUnit(
  ctx: Pick<SynthContext, 'earlier'>,
  recorded: ReuseRecord | undefined,
  inputs: string | undefined,
  names: () => readonly string[] | undefined,
): ReadonlyArray<readonly [string, string]> | undefined {
  if (recorded === undefined || recorded.inputs !== inputs) return undefined;
  const listed = names();
  const earlier = listed && hashEarlierUnit(ctx, listed);
  return earlier && earlier.output === recorded.output ? earlier.shas : undefined;
}

/** An earlier output's index `file`; undefined when the folder is not kiban's or the index is absent or unreadable. */
export function readReuseIndex(
  base: string | undefined,
  file: string,
): Readonly<Record<string, ReuseRecord>> | undefined {
  if (base === undefined) return undefined;
  try {
    if (!fs.existsSync(path.join(base, OUTPUT_MARKER))) return undefined;
    const j = JSON.parse(fs.readFileSync(path.join(base, file), 'utf8')) as { format?: number; units?: unknown };
    return j.format === REUSE_INDEX_FORMAT && typeof j.units === 'object' && j.units !== null
      ? (j.units as Record<string, ReuseRecord>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The index as written: `{ format, units: { <unit>: { inputs, output } } }`, units sorted. */
export function renderReuseIndex(units: ReadonlyMap<string, ReuseRecord>): string {
  const sorted: Record<string, ReuseRecord> = {};
  for (const id of [...units.keys()].sort()) sorted[id] = units.get(id)!;
  return `${JSON.stringify({ format: REUSE_INDEX_FORMAT, units: sorted }, null, 2)}\n`;
}

/** Links queued on a context's linker, by the new name: the output-relative path and hash, for the copy a failed link needs. */
const queuedLinks = new WeakMap<Linker, Map<string, readonly [string, string]>>();

/**
 * Puts files taken from the earlier output (`ctx.earlier`) into the run's work folder (they become part of
 * the output), with their hashes (`shas`, from {@link hashEarlierUnit}) noted in `ctx.unitShas`. When the
 * earlier output is the output folder this run replaces, each file is hard-linked, not rewritten: the
 * earlier file is never modified (a later write replaces a link, never writes through it), so a
 * rolled-back swap leaves the earlier output intact. With `ctx.linker` the links are queued for its thread
 * and made by {@link settleEarlierFiles}'s time. Any other base, or a file system without links, gets a
 * copy of the bytes.
 */
export function placeEarlierFiles(
  ctx: Pick<SynthContext, 'earlier' | 'outdir' | 'workdir' | 'unitShas' | 'linker'>,
  shas: ReadonlyArray<readonly [string, string]>,
): void {
  const earlier = ctx.earlier;
  if (earlier === undefined) throw new Error('placeEarlierFiles: no earlier output');
  const link = ctx.outdir !== undefined && path.resolve(earlier.dir) === path.resolve(ctx.outdir);
  // Without the run's linker, links are made here and now, by the same linker code (no thread).
  const linker = link ? (ctx.linker ?? openLinker({ threshold: Infinity })) : undefined;
  let queued = linker && queuedLinks.get(linker);
  if (linker && !queued) queuedLinks.set(linker, (queued = new Map()));
  const pairs: LinkPair[] = [];
  for (const [rel, sha] of shas) {
    if (rel.startsWith('/') || rel.split('/').includes('..'))
      throw new Error(`refusing to write outside the output folder: ${rel}`);
    const target = path.join(ctx.workdir, ...rel.split('/'));
    ctx.unitShas?.set(rel, sha);
    if (queued) {
      pairs.push([path.join(earlier.dir, ...rel.split('/')), target]);
      queued.set(target, [rel, sha]);
    } else copyEarlierFile(earlier, rel, sha, target);
  }
  if (linker && pairs.length > 0) linker.link(pairs);
  if (linker && linker !== ctx.linker) settleEarlierFiles({ earlier, linker });
}

/** Writes an earlier output's file `rel` to `target`, checking that its bytes are still those hashed (`sha`). */
function copyEarlierFile(earlier: EarlierOutput, rel: string, sha: string, target: string): void {
  const bytes = earlier.read(rel);
  if (bytes === undefined || sha256(bytes) !== sha)
    throw new Error(`the earlier output changed while being read: ${rel}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, bytes);
}

/**
 * Waits for the links {@link placeEarlierFiles} queued on `ctx.linker` and copies the files that could not
 * be linked. The pipeline calls it once, after the stages and before it writes its own files; a run
 * without a linker has nothing to wait for.
 */
export function settleEarlierFiles(ctx: Pick<SynthContext, 'earlier' | 'linker'>): void {
  const linker = ctx.linker;
  if (linker === undefined) return;
  const failed = linker.finish();
  const queued = queuedLinks.get(linker);
  queuedLinks.delete(linker);
  for (const [, target] of failed) {
    const [rel, sha] = queued!.get(target)!;
    copyEarlierFile(ctx.earlier!, rel, sha, target);
  }
}
