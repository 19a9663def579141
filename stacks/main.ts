/**
 * The cdktf app (cdktf.json `app`): builds the estate of an estate folder and synthesizes it
 * through the whole pipeline (rules, vSphere stacks, Hyper-V scripts, review output) into cdktf's
 * output folder (CDKTF_OUTDIR when run by `cdktf synth`, else ./cdktf.out), atomically.
 *
 *   ts-node stacks/main.ts [--estate DIR]   (default: estate/, the repository's estate; cdktf.json
 *                                            passes --estate examples/estate, the example estate)
 * KIBAN_NOW=<ISO time> evaluates the date rules at that time (like `kiban synth --now`).
 */
import { DEFAULT_ESTATE_DIR, buildEstate } from '../lib/cli/estate';
import { synthesize } from '../lib/synth/pipeline';

function estateArg(argv: readonly string[]): string {
  const i = argv.findIndex((a) => a === '--estate' || a.startsWith('--estate='));
  if (i < 0) return DEFAULT_ESTATE_DIR;
  const v = argv[i]!.includes('=') ? argv[i]!.slice('--estate='.length) : argv[i + 1];
  if (!v) throw new Error('--estate needs a folder');
  return v;
}

function main(): void {
  const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  // The estate is its own construct tree (no cdktf in the domain); the vSphere stage creates the cdktf App.
  const estate = buildEstate({ estate: estateArg(process.argv.slice(2)), ...(process.env.KIBAN_NOW ? { now: process.env.KIBAN_NOW } : {}) });
  const result = synthesize(estate, { outdir, progress: (stage, done, total) => process.stdout.write(`\r${stage} ${done}/${total}${done === total ? '\n' : ''}`) });
  process.stdout.write(`wrote ${result.files} files and the Terraform stacks to ${outdir}\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
