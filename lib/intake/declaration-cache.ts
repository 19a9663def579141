/**
 * Parsed declaration files kept from one run to the next (issue 14): reading 1,001 YAML files with
 * positions is the largest part of `kiban validate` and of an incremental synth. An entry is what
 * parsing a text that parsed cleanly yields (its data and the positions of its nodes), keyed by the
 * SHA-256 of the text; the cache file of an estate folder carries the tool's fingerprint (every
 * lib/ source, the lockfile) and is ignored whole when it differs. Everything after parsing (kind,
 * modeline, schema, model, rules) runs on every run. Data that JSON cannot carry exactly is never
 * cached. A file read cleanly is also recorded by its device, inode, size, modification and change
 * times (as git's index does): while they are unchanged, the next run takes its parse without reading
 * it. An edit changes the modification and change times, a save through a new file the inode; the
 * change time cannot be set by hand, and a file whose times are within 2 s of the clock when read is
 * not recorded, so that a second edit in the same clock tick cannot go unseen.
 */
import * as fs from 'fs';
import * as path from 'path';
import { openKeyedCacheFile, sha256, ToolCache, toolCache } from '../model/tool';

/** A position tree node: `[line, column]`, plus the entries of a mapping or the items of a sequence. */
export type PositionTree =
  | readonly [number, number]
  | readonly [number, number, { readonly m: Readonly<Record<string, readonly [number, number, PositionTree]>> }]
  | readonly [number, number, { readonly s: ReadonlyArray<PositionTree | null> }];

/** What parsing a clean text yields. */
export interface ParsedText {
  readonly data: unknown;
  readonly tree: PositionTree | null;
}

/** Parsed texts (by their SHA-256), shared by the files of one run. */
export interface DeclarationCache {
  /** The SHA-256 of a text, as the cache keys it. */
  sha(text: string): string;
  /** What parsing the text with SHA-256 `sha` gave an earlier run, when it parsed cleanly. */
  getBySha(sha: string): ParsedText | undefined;
  /** Records what parsing the text with SHA-256 `sha` gave (clean texts only). */
  putBySha(sha: string, parsed: ParsedText): void;
  /**
   * What the schema named `schema` made of the data of the text with SHA-256 `sha` in an earlier run, when
   * it passed (a fresh object each call); undefined when not recorded.
   */
  checked(sha: string, schema: string): unknown;
  /** Records that the data of the text `sha` passed the schema named `schema`, giving `output` (JSON-exact outputs only). */
  putChecked(sha: string, schema: string, output: unknown): void;
  /**
   * The text an earlier run read from `file` (its SHA-256 and first line), when the file's device, inode,
   * size, modification and change times are still those it had then: the file need not be read again.
   */
  known(file: string, st: fs.BigIntStats): KnownText | undefined;
  /**
   * Records that `file`, with the stat `st` taken before it was read, held the text `sha`. Not recorded
   * while the file's times are within {@link RACY_NS} of the clock (a change in the same clock tick would
   * not show in them), nor when they are ahead of it.
   */
  remember(file: string, st: fs.BigIntStats, known: KnownText): void;
  /** Writes the entries this run used (none others) if anything changed. */
  save(): void;
}

/** What a file held when an earlier run read it. */
export interface KnownText {
  readonly sha: string;
  /** The text's first line (the schema modeline is checked on it). */
  readonly firstLine: string;
}

/** How close to the clock a file's times may be for its text to be remembered by its stat: 2 s. */
export const RACY_NS = 2_000_000_000n;

/**
 * 4: an entry is `<data JSON>\t<position tree JSON>`, then, once the data passed a schema,
 * `\t<{schema name: output} JSON>` (JSON text never holds a raw tab); a file's record (under the SHA-256
 * of its path) is `F<{stat, sha, firstLine} JSON>`.
 */
const FORMAT = 4;

/** True when JSON gives back exactly `v`: plain objects and arrays, strings, booleans, null and finite numbers. */
export function jsonExact(v: unknown): boolean {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
  if (Array.isArray(v)) return v.every(jsonExact);
  if (typeof v !== 'object') return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(v as Record<string, unknown>).every(jsonExact);
}

/**
 * The cache of an estate folder (one cache file per folder, in the tool's cache: lib/model/tool.ts);
 * undefined when the tool's cache is turned off (`KIBAN_CACHE=off`). The file is a header line (format,
 * tool fingerprint) and one line per entry, `<sha256> <data JSON>\t<positions JSON>`: each entry's data is
 * parsed when a file asks for it, so every file gets its own data objects, its positions only when a
 * message needs one; entries are written back as they were read.
 */
export function openDeclarationCache(
  estateDir: string,
  cache: ToolCache | undefined = toolCache(),
  now: () => number = Date.now,
): DeclarationCache | undefined {
  if (!cache) return undefined;
  const name = `declarations-${sha256(path.resolve(estateDir)).slice(0, 32)}.json`;
  const file = openKeyedCacheFile(cache, name, FORMAT);
  const stored = file.stored;
  const used = new Map<string, string>();
  let changed = false;
  /** A file's record is kept under the SHA-256 of its path (a text's under the text's), `F` and JSON. */
  const fileKey = (f: string) => sha256(`file\0${path.resolve(f)}`);
  const statKey = (st: fs.BigIntStats) => [st.dev, st.ino, st.size, st.mtimeNs, st.ctimeNs].join(':');
  const self: DeclarationCache = {
    sha: (text) => sha256(text),
    getBySha(sha) {
      const entry = used.get(sha) ?? stored.get(sha);
      if (entry === undefined) return undefined;
      const [dataJson, treeJson] = entry.split('\t', 2);
      if (treeJson === undefined) return undefined;
      try {
        const data = JSON.parse(dataJson!) as unknown;
        // The positions are read only when a message needs one (a clean run needs none).
        let tree: PositionTree | null | undefined;
        const parsed: ParsedText = {
          data,
          get tree() {
            tree ??= JSON.parse(treeJson) as PositionTree | null;
            return tree;
          },
        };
        used.set(sha, entry);
        return parsed;
      } catch {
        return undefined;
      }
    },
    putBySha(sha, parsed) {
      if (used.has(sha) || !jsonExact(parsed.data)) return;
      used.set(sha, `${JSON.stringify(parsed.data)}\t${JSON.stringify(parsed.tree)}`);
      changed = true;
    },
    checked(sha, schema) {
      const entry = used.get(sha);
      const tab = entry === undefined ? -1 : entry.indexOf('\t', entry.indexOf('\t') + 1);
      if (tab < 0) return undefined;
      try {
        const outputs = JSON.parse(entry!.slice(tab + 1)) as Record<string, unknown>;
        return Object.prototype.hasOwnProperty.call(outputs, schema) ? outputs[schema] : undefined;
      } catch {
        return undefined;
      }
    },
    putChecked(sha, schema, output) {
      const entry = used.get(sha);
      // Only for an entry of this run, whose data is the data checked; never an output JSON would alter.
      if (entry === undefined || output === undefined || !jsonExact(output)) return;
      const [dataJson, treeJson, outputsJson] = entry.split('\t', 3);
      let outputs: Record<string, unknown> = {};
      try {
        if (outputsJson !== undefined) outputs = JSON.parse(outputsJson) as Record<string, unknown>;
      } catch {
        /* a damaged part is replaced */
      }
      outputs[schema] = output;
      const names = Object.keys(outputs).sort();
      const sortedOutputs = Object.fromEntries(names.map((n) => [n, outputs[n]]));
      used.set(sha, `${dataJson}\t${treeJson}\t${JSON.stringify(sortedOutputs)}`);
      changed = true;
    },
    known(f, st) {
      const key = fileKey(f);
      const entry = used.get(key) ?? stored.get(key);
      if (entry === undefined || entry[0] !== 'F') return undefined;
      try {
        const r = JSON.parse(entry.slice(1)) as { stat?: unknown; sha?: unknown; firstLine?: unknown };
        if (r.stat !== statKey(st) || typeof r.sha !== 'string' || typeof r.firstLine !== 'string') return undefined;
        used.set(key, entry);
        return { sha: r.sha, firstLine: r.firstLine };
      } catch {
        return undefined;
      }
    },
    remember(f, st, known) {
      const clock = BigInt(Math.floor(now())) * 1_000_000n;
      const newest = st.mtimeNs > st.ctimeNs ? st.mtimeNs : st.ctimeNs;
      const key = fileKey(f);
      if (newest > clock - RACY_NS) {
        if (used.delete(key)) changed = true;
        return;
      }
      const entry = `F${JSON.stringify({ stat: statKey(st), sha: known.sha, firstLine: known.firstLine })}`;
      if (used.get(key) === entry) return;
      used.set(key, entry);
      changed = true;
    },
    save() {
      file.save(used, changed);
    },
  };
  return self;
}
