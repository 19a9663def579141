/**
 * One synth of a generated estate in a fresh process, through the product's pipeline (all stages:
 * rules, vSphere, Hyper-V, review; atomic commit):
 *   ts-node bench/synth.ts <systems> <outdir> <full|incremental> <jobs> [edit] [direct|cdktf]
 * `edit` changes one vSphere system's memory first (a one-system pull request); `cdktf` renders the
 * vSphere stacks with the cdktf renderer (`jobs` worker threads) instead of the direct one (the
 * default, what `kiban synth` uses). Prints one JSON line: wall time since the process started (ms),
 * peak RSS (MB), stacks synthesized / copied.
 */
import * as path from 'path';
import { buildGeneratedEstate, generateCleanEstateSpec } from './generate';
import { synthesize } from '../lib/synth/pipeline';
import { defaultStages } from '../lib/synth/stages';
import type { VsphereStageReport } from '../lib/vsphere/stage';

const [count, outdir, mode, jobs] = [
  Number(process.argv[2] ?? 100),
  process.argv[3]!,
  process.argv[4] ?? 'full',
  Number(process.argv[5] ?? 1),
];
const edit = process.argv.slice(6).includes('edit') ? 'edit' : undefined;
const renderer = process.argv.slice(6).includes('cdktf') ? ('cdktf' as const) : ('direct' as const);
const spec = generateCleanEstateSpec(count);
if (edit === 'edit') {
  const i = spec.systems.findIndex((s) => s.hypervisor === 'vsphere');
  const s = spec.systems[i]!;
  (spec.systems as unknown[])[i] = {
    ...s,
    servers: [{ ...s.servers[0]!, memoryGb: s.servers[0]!.memoryGb + 4 }, ...s.servers.slice(1)],
  };
}
const t0 = process.hrtime.bigint();
const recipe = { module: path.join(__dirname, 'generate.ts'), exportName: 'buildGeneratedEstate', args: [spec] };
const stages = defaultStages({
  rules: { write: () => undefined, summary: () => undefined },
  vsphere: { recipe, workers: jobs, renderer },
});
synthesize(buildGeneratedEstate(spec), { outdir, stages, ...(mode === 'full' ? { base: false as const } : {}) });
const v = (stages.find((s) => s.name === 'vsphere') as { last?: VsphereStageReport }).last!;
process.stdout.write(
  `${JSON.stringify({
    systems: count,
    mode,
    renderer,
    jobs,
    wallMs: Math.round(process.uptime() * 1000),
    pipelineMs: Math.round(Number(process.hrtime.bigint() - t0) / 1e6),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    cpuMs: Math.round((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000),
    synthesized: v.synthesized.length,
    reused: v.reused.length,
    workers: v.workers,
  })}\n`,
);
