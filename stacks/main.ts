/**
 * The cdktf app (cdktf.json `app`): builds the embedded default estate and synthesizes it through
 * the whole pipeline (rules, vSphere stacks, Hyper-V scripts, review output) into cdktf's output
 * folder (CDKTF_OUTDIR when run by `cdktf synth`, else ./cdktf.out), atomically.
 */
import { buildDefaultEstate } from '../lib/cli/estate';
import { synthesize } from '../lib/synth/pipeline';

function main(): void {
  const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  // The estate is its own construct tree (no cdktf in the domain); the vSphere stage creates the cdktf App.
  const estate = buildDefaultEstate({ now: process.env.KIBAN_NOW });
  const result = synthesize(estate, { outdir, progress: (stage, done, total) => process.stdout.write(`\r${stage} ${done}/${total}${done === total ? '\n' : ''}`) });
  process.stdout.write(`wrote ${result.files} files and the Terraform stacks to ${outdir}\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
