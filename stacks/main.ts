/**
 * The cdktf app (cdktf.json `app`): builds the estate of an estate folder and synthesizes it
 * through the whole pipeline (rules, vSphere stacks, Hyper-V scripts, review output) into cdktf's
 * output folder (CDKTF_OUTDIR when run by `cdktf synth`, else ./cdktf.out), atomically.
 *
 *   ts-node stacks/main.ts [--estate DIR]   (default: estate/, the repository's estate; cdktf.json
 *                                            passes --estate examples/estate, the example estate)
 * KIBAN_NOW=<ISO time> evaluates the date rules at that time (like `kiban synth --now`).
 *
 * Output fits cdktf-cli: it prints the app's stdout as it is and logs every stderr chunk as
 * `[ERROR]`, so progress, rule warnings and the summary go to stdout (plain lines: the app's
 * stdout is a pipe under cdktf) and only errors go to stderr. KIBAN_QUIET=1 prints only errors and
 * the summary.
 */
import { clockLine, clockSourceOf } from '../lib/intake';
import { DEFAULT_ESTATE_DIR, buildEstate } from '../lib/cli/estate';
import { createReporter } from '../lib/cli/output';
import { countFindings } from '../lib/rules/format';
import { synthesize } from '../lib/synth/pipeline';
import { defaultStages } from '../lib/synth/stages';

function estateArg(argv: readonly string[]): string {
  const i = argv.findIndex((a) => a === '--estate' || a.startsWith('--estate='));
  if (i < 0) return DEFAULT_ESTATE_DIR;
  const v = argv[i]!.includes('=') ? argv[i]!.slice('--estate='.length) : argv[i + 1];
  if (!v) throw new Error('--estate needs a folder');
  return v;
}

function main(): void {
  const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  const toStdout = (s: string) => void process.stdout.write(s);
  const reporter = createReporter(
    { progress: toStdout, findings: toStdout, summary: toStdout, errors: (s) => void process.stderr.write(s) },
    { tty: process.stdout.isTTY === true, quiet: process.env.KIBAN_QUIET === '1' },
  );
  // The estate is its own construct tree (no cdktf in the domain); the vSphere stage creates the cdktf App.
  const estate = buildEstate({
    estate: estateArg(process.argv.slice(2)),
    ...(process.env.KIBAN_NOW ? { now: process.env.KIBAN_NOW } : {}),
  });
  const source = clockSourceOf(estate);
  if (source) reporter.finding(`${clockLine(source)}\n`);
  const result = synthesize(estate, {
    outdir,
    stages: defaultStages({ rules: { write: (t) => reporter.finding(t), summary: (t) => reporter.findingCount(t) } }),
    progress: (stage, done, total) => reporter.progress(stage, done, total),
  });
  reporter.summary(`wrote ${result.files} files to ${outdir}; rules: ${countFindings(result.context.findings)}`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
