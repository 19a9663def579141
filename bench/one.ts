/**
 * One benchmark measurement in a fresh process (so peak memory is this run's own):
 *   ts-node bench/one.ts <systems> product|baseline
 * Prints one JSON line: phase timings (ms) and peak RSS (MB).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { generateEstate } from './generate';
import { rawCdktf } from './baseline';
import { writeFiles } from '../lib/synth/atomic';
import { planVsphere } from '../lib/vsphere/plan';
import { renderStackFiles } from '../lib/vsphere/render-json';
import { benchStages } from './stages';

function time<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t0) / 1e6];
}

const count = Number(process.argv[2] ?? 100);
const mode = process.argv[3] ?? 'product';
const out = fs.mkdtempSync(path.join(os.tmpdir(), `kiban-bench-${mode}-`));
const result: Record<string, number | string> = { systems: count, mode };
try {
  if (mode === 'baseline') {
    const [app, build] = time(() => rawCdktf(count, out));
    const [, synth] = time(() => app.synth());
    Object.assign(result, { build, vsphere: synth, total: build + synth });
  } else {
    const [estate, build] = time(() => generateEstate(count));
    result['build'] = build;
    let total = build;
    for (const stage of benchStages()) {
      const [, ms] = time(() => stage.run(estate, out));
      result[stage.name] = ms;
      total += ms;
    }
    // vSphere: the product's plans, rendered by the direct renderer and written into the same layout as the baseline.
    const [, vsphere] = time(() => {
      const plans = planVsphere(estate);
      const files = new Map<string, string>();
      for (const stack of [plans.platform!, ...plans.systems.values()])
        for (const [rel, content] of renderStackFiles(stack)) files.set(rel, content);
      writeFiles(path.join(out, 'tf'), files);
    });
    result['vsphere'] = vsphere;
    total += vsphere;
    result['total'] = total;
  }
  result['peakRssMb'] = Math.round(process.resourceUsage().maxRSS / 1024);
  // Wall time since the process started (node, module loading, everything above).
  result['wallMs'] = Math.round(process.uptime() * 1000);
  // CPU time (user + system): what other processes' load on a shared machine inflates least.
  result['cpuMs'] = Math.round((process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}
