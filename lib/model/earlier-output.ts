/**
 * What incremental synth knows of the files of an earlier output (issue 14). Before a stage takes a unit
 * (a stack, a script set, a review document) from the earlier output it checks that the unit's files
 * are as that run wrote them, by hash. Reading and hashing every unit file of a 1,000-system output
 * (about 3,400 files, 35 MB) was a tenth of a one-system change; so the run that writes an output also
 * records, in the tool's cache, each unit file's SHA-256 with the file's identity (device, inode), size
 * and modification time in nanoseconds. The next run trusts a recorded hash only while all four are the
 * same: an edit in place changes the modification time, an editor that saves a new file changes the
 * inode. (The change time is not used: linking a file into the new output and removing the old folder
 * change it on every run. So, as git with core.trustctime off, a file whose bytes were changed and its
 * modification time then set back on purpose would not be noticed.) A missing or foreign record costs
 * only the reading, never a wrong reuse.
 */
import * as fs from 'fs';
import * as path from 'path';
import { sha256, ToolCache } from './tool';

/** Bumped when the record's shape changes. */
const FORMAT = 1;

/** File times come from the kernel's coarse clock, which may lag the wall clock by a few milliseconds. */
const CLOCK_MARGIN_MS = 50n;

type Stat = readonly [dev: string, ino: string, size: string, mtimeNs: string];
export type Entry = readonly [...Stat, sha: string];

function statOf(file: string): Stat | undefined {
  try {
    const st = fs.lstatSync(file, { bigint: true });
    if (!st.isFile()) return undefined;
    return [String(st.dev), String(st.ino), String(st.size), String(st.mtimeNs)];
  } catch {
    return undefined;
  }
}

const sameStat = (a: Stat, e: Entry) => a[0] === e[0] && a[1] === e[1] && a[2] === e[2] && a[3] === e[3];

/** The cache entry name of an output folder's record (by its absolute path). */
const recordName = (dir: string) => `output-files-${sha256(path.resolve(dir)).slice(0, 32)}.json`;

/** An earlier output folder, read through its record. */
export interface EarlierOutput {
  readonly dir: string;
  /** SHA-256 of an output-relative file's bytes; undefined when it is not a regular file or cannot be read. */
  sha(rel: string): string | undefined;
  /** The file's bytes (always read). */
  read(rel: string): Buffer | undefined;
  /** The recorded entry of an output-relative file (whatever the file is now). */
  recorded(rel: string): Entry | undefined;
}

function readRecord(cache: ToolCache | undefined, dir: string): ReadonlyMap<string, Entry> {
  const text = cache?.read(recordName(dir));
  if (text === undefined) return new Map();
  try {
    const j = JSON.parse(text) as { format?: unknown; dir?: unknown; files?: unknown };
    if (j.format !== FORMAT || j.dir !== path.resolve(dir) || typeof j.files !== 'object' || j.files === null)
      return new Map();
    const out = new Map<string, Entry>();
    for (const [rel, e] of Object.entries(j.files as Record<string, unknown>))
      if (Array.isArray(e) && e.length === 5 && e.every((x) => typeof x === 'string'))
        out.set(rel, e as unknown as Entry);
    return out;
  } catch {
    return new Map();
  }
}

const fileOf = (dir: string, rel: string) => {
  if (rel.startsWith('/') || rel.split('/').includes('..')) throw new Error(`not an output-relative path: ${rel}`);
  return path.join(dir, ...rel.split('/'));
};

/** The earlier output `dir`, with the record the run that wrote it left in `cache` (if any). */
export function openEarlierOutput(dir: string, cache: ToolCache | undefined): EarlierOutput {
  const record = readRecord(cache, dir);
  const read = (rel: string): Buffer | undefined => {
    try {
      const file = fileOf(dir, rel);
      return fs.lstatSync(file).isFile() ? fs.readFileSync(file) : undefined;
    } catch {
      return undefined;
    }
  };
  return {
    dir,
    read,
    recorded: (rel) => record.get(rel),
    sha(rel) {
      const file = fileOf(dir, rel);
      const known = record.get(rel);
      if (known !== undefined) {
        const st = statOf(file);
        if (st === undefined) return undefined;
        if (sameStat(st, known)) return known[4];
      }
      const bytes = read(rel);
      return bytes === undefined ? undefined : sha256(bytes);
    },
  };
}

/**
 * Records the SHA-256 of output files (`shas`, output-relative) of the committed output `dir`, with
 * their current identity and times, for the next run's {@link openEarlierOutput}. A file that changed
 * since (its stat differs) is simply hashed again by that run. `earlier` is the record this run read: an
 * entry of the same folder whose file and hash are unchanged (a file linked from the replaced output) is
 * carried over as it is, never read again, however recent its time (that record's run checked it).
 */
export function recordOutputFiles(
  dir: string,
  shas: ReadonlyMap<string, string>,
  cache: ToolCache | undefined,
  now: () => number = Date.now,
  earlier?: EarlierOutput,
): void {
  if (cache === undefined) return;
  const carried = earlier !== undefined && path.resolve(earlier.dir) === path.resolve(dir) ? earlier : undefined;
  // A file modified in the last moments (its modification time not before `since`; file times come from a
  // coarse clock, hence the margin) may have been changed since it was hashed: it is read and recorded only
  // if its bytes are still the hashed ones.
  const since = (BigInt(Math.floor(now())) - CLOCK_MARGIN_MS) * 1_000_000n;
  const files: Record<string, Entry> = {};
  for (const rel of [...shas.keys()].sort()) {
    const file = fileOf(dir, rel);
    const st = statOf(file);
    if (st === undefined) continue;
    const sha = shas.get(rel)!;
    const known = carried?.recorded(rel);
    if (known !== undefined && known[4] === sha && sameStat(st, known)) {
      files[rel] = known;
      continue;
    }
    if (BigInt(st[3]) >= since) {
      try {
        if (sha256(fs.readFileSync(file)) !== sha || statOf(file)?.join() !== st.join()) continue;
      } catch {
        continue;
      }
    }
    files[rel] = [...st, sha];
  }
  cache.write(recordName(dir), JSON.stringify({ format: FORMAT, dir: path.resolve(dir), files }));
}
