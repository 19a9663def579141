/**
 * The tool's own identity and its cache folder (issue 14). Whatever a run reuses from an earlier run
 * is keyed by the content of its inputs and by {@link toolFingerprint}, so a reused result is the
 * one this version of the tool would compute: correct by construction, never by expiry.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/** The repository (or installed package) root: where package.json and lib/ are. */
const ROOT = path.join(__dirname, '..', '..');

let fingerprint: string | undefined;

function hashTree(dir: string, h: ReturnType<typeof createHash>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) hashTree(p, h);
    else if (/\.(ts|js|json)$/.test(e.name) && !e.name.endsWith('.d.ts')) {
      h.update(`${path.relative(ROOT, p).split(path.sep).join('/')}\0`);
      h.update(fs.readFileSync(p));
      h.update('\0');
    }
  }
}

/** The tool's fingerprint: version, lockfile (every library) and lib/ sources (computed once per process). */
export function toolFingerprint(): string {
  if (fingerprint !== undefined) return fingerprint;
  const h = createHash('sha256');
  for (const f of ['package.json', 'package-lock.json']) {
    try {
      h.update(`${f}\0`)
        .update(fs.readFileSync(path.join(ROOT, f)))
        .update('\0');
    } catch {
      h.update(`${f}\0missing\0`);
    }
  }
  hashTree(path.join(ROOT, 'lib'), h);
  fingerprint = h.digest('hex');
  return fingerprint;
}

export const sha256 = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex');

/** Cache entries not rewritten for this long are removed when another entry is written. */
const STALE_MS = 14 * 24 * 3600 * 1000;

/**
 * A folder of cache files: `KIBAN_CACHE_DIR`, else `node_modules/.cache/kiban` of the tool. Every entry
 * is written whole (a temporary file renamed), so a concurrent reader sees the old entry or the new
 * one; an entry that cannot be read or written is simply not used. `KIBAN_CACHE=off` turns it off.
 */
export interface ToolCache {
  readonly dir: string;
  read(name: string): string | undefined;
  write(name: string, text: string): void;
}

/** The tool's cache, or undefined when turned off. */
export function toolCache(env: NodeJS.ProcessEnv = process.env): ToolCache | undefined {
  if (env.KIBAN_CACHE === 'off') return undefined;
  const dir = env.KIBAN_CACHE_DIR || path.join(ROOT, 'node_modules', '.cache', 'kiban');
  const file = (name: string) => {
    if (!/^[A-Za-z0-9._-]+$/.test(name) || name.startsWith('.')) throw new Error(`bad cache entry name: ${name}`);
    return path.join(dir, name);
  };
  return {
    dir,
    read(name) {
      try {
        return fs.readFileSync(file(name), 'utf8');
      } catch {
        return undefined;
      }
    },
    write(name, text) {
      const target = file(name);
      const tmp = path.join(dir, `.${name}.${process.pid}.${Math.random().toString(36).slice(2)}`);
      try {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(tmp, text, { flag: 'wx' });
        fs.renameSync(tmp, target);
      } catch {
        fs.rmSync(tmp, { force: true });
        return;
      }
      pruneStale(dir, Date.now());
    },
  };
}

/** Removes entries (and temporary files of killed runs) older than {@link STALE_MS}. */
function pruneStale(dir: string, now: number): void {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    try {
      const p = path.join(dir, n);
      if (now - fs.statSync(p).mtimeMs > STALE_MS) fs.rmSync(p, { force: true });
    } catch {
      /* removed by another run */
    }
  }
}

/**
 * A cache file of entries keyed by SHA-256: a header line (format, tool fingerprint) and one line per
 * entry, `<sha256> <JSON>`. The whole file is ignored when its header differs (another format or
 * another tool). Used by the declaration cache and the form page's summary cache.
 */
export interface KeyedCacheFile {
  /** The entries an earlier run wrote (JSON text by key). */
  readonly stored: ReadonlyMap<string, string>;
  /** Writes `used` (sorted by key) when `changed` or when it holds fewer entries than were stored. */
  save(used: ReadonlyMap<string, string>, changed: boolean): void;
}

export function openKeyedCacheFile(cache: ToolCache, name: string, format: number): KeyedCacheFile {
  const header = JSON.stringify({ format, tool: toolFingerprint() });
  const stored = new Map<string, string>();
  const lines = cache.read(name)?.split('\n') ?? [];
  if (lines[0] === header)
    for (const line of lines.slice(1)) {
      const at = line.indexOf(' ');
      if (at === 64) stored.set(line.slice(0, at), line.slice(at + 1));
    }
  return {
    stored,
    save(used, changed) {
      if (!changed && used.size === stored.size) return;
      const keys = [...used.keys()].sort();
      cache.write(name, [header, ...keys.map((k) => `${k} ${used.get(k)!}`)].join('\n'));
    },
  };
}
