import { Construct } from 'constructs';
import { Clock } from '../model/clock';
import { Estate } from '../model/estate';
import { DEFAULT_ESTATE_DIR, loadEstate } from '../intake';
import { openDeclarationCache } from '../intake/declaration-cache';

export { DEFAULT_ESTATE_DIR };

export interface BuildEstateOptions {
  /** The estate folder (platform/, systems/, optional index.ts). @default `estate` (the repository's estate) */
  readonly estate?: string;
  /** ISO instant the date rules use (`--now`). @default the estate's pinned `clock.fixedAt`, else the real clock */
  readonly now?: string;
  /** Injected clock (tests). */
  readonly clock?: Clock;
  /** Scope to place the estate in. @default a fresh root construct */
  readonly scope?: Construct;
  /** Reuse texts parsed by an earlier run (the tool's cache, lib/intake/declaration-cache.ts). @default false */
  readonly cache?: boolean;
}

/**
 * Builds the estate of an estate folder, shared by the CLI and stacks/main.ts. Throws one
 * IntakeError listing every problem (file:line:column) when the folder has any.
 */
export function buildEstate(options: BuildEstateOptions = {}): Estate {
  const dir = options.estate ?? DEFAULT_ESTATE_DIR;
  const cache = options.cache ? openDeclarationCache(dir) : undefined;
  try {
    return loadEstate(dir, {
      ...(options.now !== undefined ? { now: options.now } : {}),
      ...(options.clock ? { clock: options.clock } : {}),
      ...(options.scope ? { scope: options.scope } : {}),
      ...(cache ? { cache } : {}),
    });
  } finally {
    cache?.save();
  }
}
