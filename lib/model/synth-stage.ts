import { Clock } from './clock';
import type { EarlierOutput } from './earlier-output';
import { Estate } from './estate';
import { Finding } from './finding';
import type { Linker } from './linker';

/**
 * The marker file synth writes into every output folder. Only a folder that is absent, empty, or
 * carries this marker may be replaced: synth never deletes what it did not create (`--out .` or
 * `--out systems` are refused).
 */
export const OUTPUT_MARKER = '.kiban-output';

// The stage contract sits at the bottom, beside the model, so that the stages implementing it (rule pack,
// emitters, review, form) import it downwards and lib/synth, which runs them, stays above them (issue 13).

/** What a synth run carries from stage to stage. Stages add files; nothing touches disk until the end. */
export interface SynthContext {
  readonly estate: Estate;
  readonly clock: Clock;
  /** Output files by path relative to the output folder (always `/`-separated). */
  readonly files: Map<string, string>;
  /** Findings of the rule pack (empty when the pack did not run). */
  readonly findings: Finding[];
  /** Reports progress, e.g. `vsphere 12/40`. */
  readonly progress: (stage: string, done: number, total: number) => void;
  /**
   * Folder where a stage may write intermediate files (cdktf synthesizes to disk). Everything in it
   * becomes part of the output; it is renamed into place atomically at the end.
   */
  readonly workdir: string;
  /**
   * An earlier output folder (written by kiban synth) whose unchanged parts a stage may copy instead
   * of rebuilding them, when the result is byte-identical (the vSphere stage's stacks). @default none
   */
  readonly base?: string;
  /** The output folder the run replaces at the end (read only for stages). @default unknown */
  readonly outdir?: string;
  /** `base` read through the record of the run that wrote it (lib/model/earlier-output.ts). @default none */
  readonly earlier?: EarlierOutput;
  /**
   * SHA-256 of the output files a later run may take as they are (the stages' unit files), by output-relative
   * path: recorded with the files' stat after the commit, so that the next run need not read them to
   * check them. @default not recorded
   */
  readonly unitShas?: Map<string, string>;
  /**
   * Makes the hard links of files taken from the output being replaced on a second thread, while the
   * stages go on (lib/model/linker.ts); the pipeline waits for them before writing its own files. @default
   * links made as they are placed
   */
  readonly linker?: Linker;
}

/** One step of the synth pipeline. */
export interface SynthStage {
  readonly name: string;
  run(ctx: SynthContext): void;
}

/** Thrown by a stage to stop the run without writing any output (e.g. rule errors). */
export class SynthAbort extends Error {
  constructor(
    message: string,
    public readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'SynthAbort';
  }
}
