import { App } from 'cdktf';
import { SynthStage } from '../synth/context';
import { emitVsphere } from './emit';

/** The vSphere stage: one TerraformStack per vSphere system plus the shared platform stack, synthesized by cdktf into the output folder. */
export function vsphereStage(): SynthStage {
  return {
    name: 'vsphere',
    run(ctx) {
      const app = new App({ outdir: ctx.workdir, skipValidation: false });
      emitVsphere(app, ctx.estate, { progress: (d, t) => ctx.progress('vsphere', d, t) });
      app.synth();
    },
  };
}
