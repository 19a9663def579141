/**
 * What the command line prints while it works, fitted to where the output goes:
 * - on a terminal, progress is one bar redrawn in place (`\r`), cleared before any other line;
 * - elsewhere (CI logs, pipes, `cdktf synth`), progress is plain lines, at most one per tenth of a stage;
 * - `quiet` prints only errors and the one-line summary.
 * Findings (rule warnings and infos) and progress go to their own sinks, so a runner that treats
 * stderr as errors (cdktf-cli logs every stderr chunk as `[ERROR]`) can receive them on stdout.
 */
export interface OutputSinks {
  /** Progress (bar or lines). */
  readonly progress: (s: string) => void;
  /** Rule warnings and infos, and the rules' count line. */
  readonly findings: (s: string) => void;
  /** Errors. */
  readonly errors: (s: string) => void;
  /** The one-line summary at the end. */
  readonly summary: (s: string) => void;
}

export interface OutputOptions {
  /** The progress sink is a terminal: draw a bar. */
  readonly tty: boolean;
  /** Only errors and the summary. @default false */
  readonly quiet?: boolean;
  /** Width of the bar in characters. @default 24 */
  readonly barWidth?: number;
}

export interface Reporter {
  progress(stage: string, done: number, total: number): void;
  /** A warning or info (already formatted, may span lines). */
  finding(text: string): void;
  /** The rules' own count line (shown unless quiet; the summary repeats the counts). */
  findingCount(text: string): void;
  error(text: string): void;
  /** The one-line summary; always printed. */
  summary(line: string): void;
}

const nl = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);

/** Draws `[stage] ███░░░ done/total`. */
export function progressBar(stage: string, done: number, total: number, width = 24): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `[${stage}] ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total}`;
}

export function createReporter(sinks: OutputSinks, options: OutputOptions): Reporter {
  const quiet = options.quiet ?? false;
  let barShown = false;
  const clearBar = () => {
    if (barShown) sinks.progress('\r\x1b[K');
    barShown = false;
  };
  const lastTenth = new Map<string, number>();
  return {
    progress(stage, done, total) {
      if (quiet) return;
      if (options.tty) {
        sinks.progress(`\r${progressBar(stage, done, total, options.barWidth)}\x1b[K`);
        barShown = true;
        if (done >= total) {
          sinks.progress('\n');
          barShown = false;
        }
        return;
      }
      const tenth = total > 0 ? Math.floor((done * 10) / total) : 10;
      if (done < total && lastTenth.get(stage) === tenth) return;
      lastTenth.set(stage, tenth);
      sinks.progress(`[${stage}] ${done}/${total}\n`);
    },
    finding(text) {
      if (quiet) return;
      clearBar();
      sinks.findings(nl(text));
    },
    findingCount(text) {
      if (quiet) return;
      clearBar();
      sinks.findings(nl(text));
    },
    error(text) {
      clearBar();
      sinks.errors(nl(text));
    },
    summary(line) {
      clearBar();
      sinks.summary(nl(line));
    },
  };
}
