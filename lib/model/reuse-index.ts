import * as fs from 'fs';
import * as path from 'path';
import { OUTPUT_MARKER } from './synth-stage';
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

/** Hash of a unit's files (names and contents, sorted by name). */
export function hashTextFiles(files: ReadonlyArray<readonly [string, string]>): string {
  let material = '';
  for (const [name, text] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    material += `${name}\0${sha256(text)}\0`;
  return sha256(material);
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

/** Reads text files of an earlier output (output-relative names); undefined when one is unreadable or not a file. */
export function readTextFiles(base: string, names: readonly string[]): Array<[string, string]> | undefined {
  try {
    return names.map((n) => {
      const p = path.join(base, ...n.split('/'));
      if (!fs.lstatSync(p).isFile()) throw new Error(`not a file: ${n}`);
      return [n, fs.readFileSync(p, 'utf8')];
    });
  } catch {
    return undefined;
  }
}

/**
 * Puts files taken from the earlier output `ctx.base` into the run's work folder (they become part of the
 * output). When the base is the output folder this run replaces, each file is hard-linked, not
 * rewritten: the earlier file is never modified (a later write replaces a link, never writes through
 * it), so a rolled-back swap leaves the earlier output intact. Any other base, or a file system without
 * links, gets a copy of the bytes.
 */
export function placeEarlierFiles(
  ctx: Pick<SynthContext, 'base' | 'outdir' | 'workdir'>,
  files: Iterable<readonly [string, string | Uint8Array]>,
): void {
  const base = ctx.base;
  if (base === undefined) throw new Error('placeEarlierFiles: no earlier output');
  const link = ctx.outdir !== undefined && path.resolve(base) === path.resolve(ctx.outdir);
  const made = new Set<string>();
  for (const [rel, content] of files) {
    if (rel.startsWith('/') || rel.split('/').includes('..'))
      throw new Error(`refusing to write outside the output folder: ${rel}`);
    const target = path.join(ctx.workdir, ...rel.split('/'));
    const parent = path.dirname(target);
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true });
      made.add(parent);
    }
    if (link) {
      try {
        fs.linkSync(path.join(base, ...rel.split('/')), target);
        continue;
      } catch {
        /* another file system, or links not allowed: copy */
      }
    }
    fs.writeFileSync(target, content);
  }
}
