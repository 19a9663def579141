import { App } from 'cdktf';
import { SynthStage } from '../synth/context';
import { emitVsphere } from './emit';
import { ovfImportScriptPath, renderOvfImportScript } from './v2v-import';

/**
 * The vSphere stage: one TerraformStack per vSphere system plus the shared platform stack, synthesized by cdktf into the output folder,
 * and `v2v/<systemId>/<server>-import-ovf.ps1` for each server migrated from an OVF.
 */
export function vsphereStage(): SynthStage {
  return {
    name: 'vsphere',
    run(ctx) {
      const app = new App({ outdir: ctx.workdir, skipValidation: false });
      const stacks = emitVsphere(app, ctx.estate, { progress: (d, t) => ctx.progress('vsphere', d, t) });
      app.synth();
      // V2V from OVF: the one-off import scripts for the management terminal (R20, R34).
      for (const stack of stacks.systems.values()) for (const plan of stack.ovfImports) ctx.files.set(ovfImportScriptPath(plan), renderOvfImportScript(plan));
    },
  };
}
