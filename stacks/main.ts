/**
 * The cdktf app (cdktf.json `app`): builds the embedded default estate and synthesizes it through
 * the whole pipeline (rules, vSphere stacks, Hyper-V scripts, review output) into cdktf's output
 * folder (CDKTF_OUTDIR when run by `cdktf synth`, else ./cdktf.out), atomically.
 */
import { Estate, fixedClock } from '../lib/model';
import { synthesize } from '../lib/synth/pipeline';
import { DEFAULT_ESTATE_AS_OF, declareDefaultEstate } from './default-estate';

function main(): void {
  const outdir = process.env.CDKTF_OUTDIR ?? 'cdktf.out';
  const clock = fixedClock(process.env.KIBAN_NOW ?? DEFAULT_ESTATE_AS_OF);
  // The estate is its own construct tree (no cdktf in the domain); the vSphere stage creates the cdktf App.
  const estate = Estate.create({ clock });
  declareDefaultEstate(estate);
  const result = synthesize(estate, { outdir, progress: (stage, done, total) => process.stdout.write(`\r${stage} ${done}/${total}${done === total ? '\n' : ''}`) });
  process.stdout.write(`wrote ${result.files} files and the Terraform stacks to ${outdir}\n`);
}

try {
  main();
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
