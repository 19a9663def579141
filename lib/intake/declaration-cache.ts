/**
 * Parsed declaration files kept from one run to the next (issue 14): reading 1,001 YAML files with
 * positions is the largest part of `kiban validate` and of an incremental synth. An entry is what
 * parsing a text that parsed cleanly yields (its data and the positions of its nodes), keyed by the
 * SHA-256 of the text; the cache file of an estate folder carries the tool's fingerprint (every
 * lib/ source, the lockfile) and is ignored whole when it differs. Everything after parsing (kind,
 * modeline, schema, model, rules) runs on every run. Data that JSON cannot carry exactly is never
 * cached.
 */
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
  /** What parsing `text` gave an earlier run, when it parsed cleanly. */
  get(text: string): ParsedText | undefined;
  /** Records what parsing `text` gave (clean texts only). */
  put(text: string, parsed: ParsedText): void;
  /**
   * What the schema named `schema` made of `text`'s data in an earlier run, when it passed (a fresh
   * object each call); undefined when not recorded.
   */
  checked(text: string, schema: string): unknown;
  /** Records that `text`'s data passed the schema named `schema`, giving `output` (JSON-exact outputs only). */
  putChecked(text: string, schema: string, output: unknown): void;
  /** Writes the entries this run used (none others) if anything changed. */
  save(): void;
}

/**
 * 3: an entry is `<data JSON>\t<position tree JSON>`, then, once the data passed a schema,
 * `\t<{schema name: output} JSON>` (JSON text never holds a raw tab).
 */
const FORMAT = 3;

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
): DeclarationCache | undefined {
  if (!cache) return undefined;
  const name = `declarations-${sha256(path.resolve(estateDir)).slice(0, 32)}.json`;
  const file = openKeyedCacheFile(cache, name, FORMAT);
  const stored = file.stored;
  const used = new Map<string, string>();
  let changed = false;
  return {
    get(text) {
      const sha = sha256(text);
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
    put(text, parsed) {
      const sha = sha256(text);
      if (used.has(sha) || !jsonExact(parsed.data)) return;
      used.set(sha, `${JSON.stringify(parsed.data)}\t${JSON.stringify(parsed.tree)}`);
      changed = true;
    },
    checked(text, schema) {
      const entry = used.get(sha256(text));
      const tab = entry === undefined ? -1 : entry.indexOf('\t', entry.indexOf('\t') + 1);
      if (tab < 0) return undefined;
      try {
        const outputs = JSON.parse(entry!.slice(tab + 1)) as Record<string, unknown>;
        return Object.prototype.hasOwnProperty.call(outputs, schema) ? outputs[schema] : undefined;
      } catch {
        return undefined;
      }
    },
    putChecked(text, schema, output) {
      const sha = sha256(text);
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
    save() {
      file.save(used, changed);
    },
  };
}
