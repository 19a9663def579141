/**
 * The form page's YAML summaries of system declarations kept from one run to the next (issue 14):
 * writing 1,000 summaries with the YAML library is a tenth of an incremental synth. An entry is the
 * summary of one redacted declaration, keyed by the SHA-256 of its JSON; the cache file of an estate
 * folder carries the tool's fingerprint (every lib/ source, the lockfile) and is ignored whole when it
 * differs. Data that JSON cannot carry exactly is never cached. Only the entries a run used are written back. Off with `KIBAN_CACHE=off`.
 */
import * as path from 'path';
import { jsonExact } from '../intake/declaration-cache';
import { openKeyedCacheFile, sha256, ToolCache, toolCache } from '../model/tool';

const FORMAT = 1;

/** Summaries by their data, for one run. */
export interface SummaryCache {
  /** The summary of `data`: an earlier run's, or `render(data)` (then recorded). */
  get(data: unknown, render: () => string): string;
  /** Writes the entries this run used (none others) if anything changed. */
  save(): void;
}

/** A cache that remembers nothing (the tool's cache turned off). */
const NONE: SummaryCache = { get: (_d, render) => render(), save: () => undefined };

export function openSummaryCache(estateDir: string, cache: ToolCache | undefined = toolCache()): SummaryCache {
  if (!cache) return NONE;
  const name = `form-summaries-${sha256(path.resolve(estateDir)).slice(0, 32)}.json`;
  const file = openKeyedCacheFile(cache, name, FORMAT);
  const stored = file.stored;
  const used = new Map<string, string>();
  let changed = false;
  return {
    get(data, render) {
      // Data JSON cannot carry exactly (-0, NaN, a Date…) would not key its summary: summarized every time.
      if (!jsonExact(data)) return render();
      const sha = sha256(JSON.stringify(data));
      const json = stored.get(sha);
      if (json !== undefined) {
        try {
          const text = JSON.parse(json) as unknown;
          if (typeof text === 'string') {
            used.set(sha, json);
            return text;
          }
        } catch {
          /* a damaged line: summarized again */
        }
      }
      const text = render();
      if (!used.has(sha)) {
        used.set(sha, JSON.stringify(text));
        changed = true;
      }
      return text;
    },
    save() {
      file.save(used, changed);
    },
  };
}
