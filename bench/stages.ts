import { Estate } from '../lib/model';
import { runRulePack } from '../lib/rules';
import { emitHyperV } from '../lib/hyperv';
import { reviewStage } from '../lib/review';
import { SynthContext } from '../lib/model/synth-stage';

/** The product phases measured besides tree building and vSphere synthesis. */
export interface BenchStage {
  readonly name: string;
  run(estate: Estate, outdir: string): void;
}

export function benchStages(): BenchStage[] {
  let findings: ReturnType<typeof runRulePack>['findings'] = [];
  return [
    {
      name: 'rules',
      run: (estate) => {
        findings = runRulePack(estate).findings;
      },
    },
    {
      name: 'hyperv',
      run: (estate) => {
        emitHyperV(estate);
      },
    },
    {
      name: 'review',
      run: (estate, outdir) => {
        const ctx: SynthContext = {
          estate,
          clock: estate.clock,
          files: new Map(),
          findings: [...findings],
          progress: () => undefined,
          workdir: outdir,
        };
        reviewStage().run(ctx);
      },
    },
  ];
}
