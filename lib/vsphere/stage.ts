import { App } from 'cdktf';
import { SynthStage } from '../synth/context';
import { StateBackendKind } from './backend';
import { emitVsphere } from './emit';

export interface VsphereStageOptions {
  /** State backend of every stack. @default 'pg' */
  readonly backend?: StateBackendKind;
}

/** The vSphere stage: one TerraformStack per vSphere system plus the shared platform stack, synthesized by cdktf into the output folder. */
export function vsphereStage(options: VsphereStageOptions = {}): SynthStage {
  return {
    name: 'vsphere',
    run(ctx) {
      const app = new App({ outdir: ctx.workdir, skipValidation: false });
      emitVsphere(app, ctx.estate, { progress: (d, t) => ctx.progress('vsphere', d, t), ...(options.backend ? { backend: options.backend } : {}) });
      app.synth();
    },
  };
}
