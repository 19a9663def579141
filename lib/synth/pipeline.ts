import * as path from 'path';
import { Clock } from '../model/clock';
import { Estate } from '../model/estate';
import { openEarlierOutput, recordOutputFiles } from '../model/earlier-output';
import { openLinker } from '../model/linker';
import { settleEarlierFiles } from '../model/reuse-index';
import { ToolCache, toolCache } from '../model/tool';
import {
  RecoveryReport,
  assertBaseOutput,
  assertReplaceable,
  commitStagingDir,
  discardStagingDir,
  listFilesRecursive,
  makeStagingDir,
  recoverOutput,
  writeFiles,
} from './atomic';
import { SynthContext, SynthStage } from '../model/synth-stage';
import { defaultStages } from './stages';

export interface SynthOptions {
  /** Output folder; replaced atomically on success, untouched on failure. */
  readonly outdir: string;
  /** Clock for date rules. @default the estate's clock */
  readonly clock?: Clock;
  /** Stages to run. @default defaultStages() */
  readonly stages?: readonly SynthStage[];
  /** Progress sink. @default silent */
  readonly progress?: (stage: string, done: number, total: number) => void;
  /**
   * An earlier output whose unchanged stacks are copied instead of synthesized (byte-identical to a
   * full synth). @default the output folder itself, when an earlier kiban synth wrote it; `false`: a full synth
   */
  readonly base?: string | false;
  /** Where the output's file record is kept (lib/model/earlier-output.ts). @default the tool's cache; `false`: none */
  readonly cache?: ToolCache | false;
  /** Files to link from the replaced output from which a second thread makes the links (lib/model/linker.ts). @default 256 */
  readonly linkThreshold?: number;
}

export interface SynthResult {
  readonly outdir: string;
  /** How many files the output folder holds: the stages' files and what cdktf wrote itself (stacks, manifest). */
  readonly files: number;
  /** The files of the output folder (relative, sorted). */
  readonly written: readonly string[];
  readonly context: SynthContext;
  /** What the start of the run recovered from an interrupted earlier run (swap, leftover staging folders). */
  readonly recovered: RecoveryReport;
  /** Folders the run could not remove (the new output is valid regardless), with the reason. */
  readonly leftOver: ReadonlyArray<{ readonly path: string; readonly reason: string }>;
}

/**
 * Runs every stage (rules, vSphere, Hyper-V, review) into a staging folder and moves it into
 * place only if all stages succeed: a failed run leaves the previous output untouched.
 */
export function synthesize(estate: Estate, options: SynthOptions): SynthResult {
  // An earlier run killed mid-swap is completed or rolled back first; then only a folder synth wrote may be replaced.
  const recovered = recoverOutput(options.outdir);
  assertReplaceable(options.outdir);
  const base = options.base === false ? undefined : (options.base ?? options.outdir);
  if (typeof options.base === 'string') assertBaseOutput(options.base);
  const staging = makeStagingDir(options.outdir);
  const cache = options.cache === undefined ? toolCache() : options.cache || undefined;
  // Files taken from the output being replaced are hard-linked on a second thread while the stages go on.
  const linking = base !== undefined && path.resolve(base) === path.resolve(options.outdir);
  const ctx: SynthContext = {
    estate,
    clock: options.clock ?? estate.clock,
    files: new Map(),
    findings: [],
    progress: options.progress ?? (() => undefined),
    workdir: staging,
    outdir: options.outdir,
    ...(base !== undefined ? { base, earlier: openEarlierOutput(base, cache) } : {}),
    unitShas: new Map(),
    ...(linking
      ? { linker: openLinker(options.linkThreshold !== undefined ? { threshold: options.linkThreshold } : {}) }
      : {}),
  };
  let written: string[];
  try {
    for (const stage of options.stages ?? defaultStages()) stage.run(ctx);
    settleEarlierFiles(ctx);
    writeFiles(staging, ctx.files);
    written = listFilesRecursive(staging);
  } catch (e) {
    // The linking thread is done with the staging folder before it is removed.
    try {
      ctx.linker?.finish();
    } catch {
      /* finished already, or failed: the error that stopped the run is the one to report */
    }
    discardStagingDir(staging);
    throw e;
  }
  // The commit cleans up after itself (or leaves a journal the next run recovers from).
  const committed = commitStagingDir(staging, options.outdir);
  // For the next run: the unit files' hashes with their stat (after the swap, which changes linked files' times).
  recordOutputFiles(options.outdir, ctx.unitShas!, cache, Date.now, ctx.earlier);
  const leftOver = [...recovered.leftOver, ...(committed.leftOver ? [committed.leftOver] : [])];
  return { outdir: options.outdir, files: written.length, written, context: ctx, recovered, leftOver };
}
